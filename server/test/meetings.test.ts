import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { agendaTiming } from '@samverka/domain';
import { startTestServer, upcomingMeeting, type TestServer } from './helpers.js';

let server: TestServer;
let coordinator: string;

beforeAll(async () => {
  server = await startTestServer();
  coordinator = await server.signIn('coordinator');
});
afterAll(() => server?.close());

const MEETING_FIELDS =
  'id version status timerPaused currentItem { id position } agenda { id position status decision minute elapsedSeconds timerStartedAt }';

async function act(mutation: string, input: Record<string, unknown>, cookie?: string) {
  const res = await server.gql(
    `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { meeting { ${MEETING_FIELDS} } errors { field message code } } }`,
    { input },
    cookie,
  );
  return {
    ...res,
    payload: res.data?.[mutation] as
      { meeting: any; errors: { field: string[]; message: string; code: string }[] } | undefined,
  };
}

function inputType(mutation: string): string {
  if (['makeAgendaItemCurrent', 'deferAgendaItem', 'completeAgendaItem'].includes(mutation))
    return 'AgendaItemActionInput';
  if (mutation === 'recordAgendaItemOutcome') return 'RecordAgendaItemOutcomeInput';
  return 'MeetingActionInput';
}

async function meetingState(id: string) {
  const res = await server.gql(`query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`, { id });
  return res.data!.meeting;
}

describe('the chair runs a meeting', () => {
  test('start, advance, go back, jump, pause and resume, record, defer and close', async () => {
    const own = await startTestServer();
    const chair = await own.signIn('chair');
    const act = async (mutation: string, input: Record<string, unknown>, cookie?: string) => {
      const res = await own.gql(
        `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { meeting { ${MEETING_FIELDS} } errors { field message code } } }`,
        { input },
        cookie,
      );
      return { payload: res.data?.[mutation] as { meeting: any; errors: unknown[] } | undefined };
    };
    const meeting = await upcomingMeeting(own);
    const [first, second, third, fourth] = meeting.agenda;
    let version = meeting.version;
    const step = async (mutation: string, extra: Record<string, unknown> = {}) => {
      const { payload } = await act(
        mutation,
        { meetingId: meeting.id, expectedVersion: version, ...extra },
        chair,
      );
      expect(payload?.errors).toEqual([]);
      version = payload!.meeting.version;
      return payload!.meeting;
    };

    let state = await step('startMeeting');
    expect(state.status).toBe('IN_PROGRESS');
    expect(state.currentItem.id).toBe(first!.id);
    expect(state.agenda[0].timerStartedAt).not.toBeNull();

    state = await step('moveToNextAgendaItem');
    expect(state.currentItem.id).toBe(second!.id);
    expect(state.agenda[0].status).toBe('PENDING');

    state = await step('moveToPreviousAgendaItem');
    expect(state.currentItem.id).toBe(first!.id);

    state = await step('makeAgendaItemCurrent', { agendaItemId: fourth!.id });
    expect(state.currentItem.id).toBe(fourth!.id);

    state = await step('pauseAgendaTimer');
    expect(state.timerPaused).toBe(true);
    expect(state.agenda[3].timerStartedAt).toBeNull();
    state = await step('resumeAgendaTimer');
    expect(state.timerPaused).toBe(false);
    expect(state.agenda[3].timerStartedAt).not.toBeNull();

    state = await step('recordAgendaItemOutcome', {
      agendaItemId: fourth!.id,
      decision: '  Rådet antar rutinen.  ',
      minute: 'Enhälligt.',
    });
    expect(state.agenda[3]).toMatchObject({ decision: 'Rådet antar rutinen.', minute: 'Enhälligt.' });

    state = await step('deferAgendaItem', { agendaItemId: third!.id });
    expect(state.agenda[2].status).toBe('DEFERRED');

    state = await step('closeMeeting');
    expect(state.status).toBe('CLOSED');
    expect(state.currentItem).toBeNull();
    expect(state.agenda[3].status).toBe('DONE');
    await own.close();
  });
});

describe('moving away from an item', () => {
  const servers: TestServer[] = [];
  afterAll(() => Promise.all(servers.map((each) => each.close())));

  /** A started meeting on a server of its own, and functions that apply chair actions keeping the version. */
  async function started() {
    const own = await startTestServer();
    servers.push(own);
    const chair = await own.signIn('chair');
    const meeting = await upcomingMeeting(own);
    let version = meeting.version;
    const run = async (mutation: string, extra: Record<string, unknown> = {}) => {
      const res = await own.gql(
        `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { meeting { ${MEETING_FIELDS} startsAt startedAt closedAt agenda { plannedMinutes } } errors { field message code } } }`,
        { input: { meetingId: meeting.id, expectedVersion: version, ...extra } },
        chair,
      );
      const payload = res.data![mutation] as { meeting: any; errors: { field: string[]; code: string }[] };
      if (payload.meeting) version = payload.meeting.version;
      return payload;
    };
    const step = async (mutation: string, extra: Record<string, unknown> = {}) => {
      const payload = await run(mutation, extra);
      expect(payload.errors).toEqual([]);
      return payload.meeting;
    };
    /** Pretends an item's running stretch began `seconds` ago, so that banked time is known without waiting. */
    const runningFor = (agendaItemId: string, seconds: number) =>
      own.orm.em
        .fork()
        .getConnection()
        .execute(`update agenda_item set timer_started_at = now() - make_interval(secs => ?) where id = ?`, [
          seconds,
          Buffer.from(agendaItemId, 'base64url').toString().split(':')[1]!,
        ]);
    const state = async () =>
      (await own.gql(`query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`, { id: meeting.id })).data!
        .meeting;
    await step('startMeeting');
    return { meeting, step, run, runningFor, state };
  }

  const statuses = (state: any) => state.agenda.map((item: any) => item.status);
  /** The given leading statuses, every later item pending. */
  const thenPending = (state: any, ...head: string[]) => [
    ...head,
    ...Array.from({ length: state.agenda.length - head.length }, () => 'PENDING'),
  ];

  test('"next", "previous" and "make current" return an item without an outcome to the upcoming items', async () => {
    const { meeting, step } = await started();
    const [first, second, , fourth] = meeting.agenda;
    let state = await step('moveToNextAgendaItem');
    expect(statuses(state)).toEqual(thenPending(state, 'PENDING', 'CURRENT'));
    state = await step('moveToPreviousAgendaItem');
    expect(state.currentItem.id).toBe(first!.id);
    expect(statuses(state)).toEqual(thenPending(state, 'CURRENT'));
    state = await step('makeAgendaItemCurrent', { agendaItemId: fourth!.id });
    expect(statuses(state)).toEqual(thenPending(state, 'PENDING', 'PENDING', 'PENDING', 'CURRENT'));
    state = await step('makeAgendaItemCurrent', { agendaItemId: second!.id });
    expect(statuses(state)).toEqual(thenPending(state, 'PENDING', 'CURRENT'));
  });

  test('an item with a recorded outcome is done when the chair moves on; closing follows the same rule', async () => {
    const { meeting, step } = await started();
    await step('recordAgendaItemOutcome', { agendaItemId: meeting.agenda[0]!.id, decision: 'Mötet öppnat.' });
    let state = await step('moveToNextAgendaItem');
    expect(statuses(state)).toEqual(thenPending(state, 'DONE', 'CURRENT'));
    await step('recordAgendaItemOutcome', { agendaItemId: meeting.agenda[1]!.id, minute: 'Noterades.' });
    state = await step('moveToNextAgendaItem');
    expect(statuses(state)).toEqual(thenPending(state, 'DONE', 'DONE', 'CURRENT'));
    state = await step('closeMeeting');
    expect(statuses(state)).toEqual(thenPending(state, 'DONE', 'DONE'));
  });

  test('the chair marks the current item done without an outcome; no item is current after it', async () => {
    const { meeting, step } = await started();
    const [first, second] = meeting.agenda;
    let state = await step('completeAgendaItem', { agendaItemId: first!.id });
    expect(state.currentItem).toBeNull();
    expect(statuses(state)[0]).toBe('DONE');
    expect(state.agenda[0].timerStartedAt).toBeNull();
    state = await step('moveToNextAgendaItem');
    expect(state.currentItem.id).toBe(second!.id);
  });

  test('marking done anything but the current item is refused and writes nothing', async () => {
    const { meeting, run, state } = await started();
    const before = await state();
    for (const agendaItemId of [
      meeting.agenda[1]!.id,
      'QWdlbmRhSXRlbTowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA',
    ]) {
      const payload = await run('completeAgendaItem', { agendaItemId });
      expect(payload.meeting).toBeNull();
      expect(payload.errors[0]).toMatchObject({ field: ['input', 'agendaItemId'] });
    }
    expect(await state()).toEqual(before);
  });

  test('an item taken up again keeps counting from its banked time, and the projection stays right', async () => {
    const { meeting, step, runningFor } = await started();
    const [first] = meeting.agenda;
    await runningFor(first!.id, 90);
    let state = await step('moveToNextAgendaItem');
    const banked = state.agenda[0].elapsedSeconds;
    expect(banked).toBeGreaterThanOrEqual(90);
    expect(state.agenda[0]).toMatchObject({ status: 'PENDING', timerStartedAt: null });

    state = await step('moveToPreviousAgendaItem');
    expect(state.agenda[0]).toMatchObject({ status: 'CURRENT', elapsedSeconds: banked });
    expect(state.agenda[0].timerStartedAt).not.toBeNull();
    await runningFor(first!.id, 30);
    state = await step('moveToNextAgendaItem');
    expect(state.agenda[0].elapsedSeconds).toBeGreaterThanOrEqual(banked + 30);

    // What every viewer computes from this state: what is left of the current item and of the pending ones,
    // the first counting only what its banked time left of its plan.
    const now = new Date();
    const timing = agendaTiming(state, now);
    const left = (item: any) => Math.max(0, item.plannedMinutes * 60 - item.elapsedSeconds);
    const pending = state.agenda.filter((item: any) => item.status === 'PENDING');
    expect(pending[0].id).toBe(first!.id);
    const currentLeft = Math.max(0, timing.currentPlannedSeconds - timing.currentElapsedSeconds);
    const expected = pending.reduce((sum: number, item: any) => sum + left(item), currentLeft);
    expect(timing.projectedEnd.getTime()).toBe(now.getTime() + expected * 1000);
    expect(expected).toBeLessThan(
      state.agenda.reduce((sum: number, item: any) => sum + item.plannedMinutes * 60, 0) - banked,
    );
  });
});

describe('two chairs at once', () => {
  let meeting: Awaited<ReturnType<typeof upcomingMeeting>>;

  test('end in one consistent state and a clear error for the one who lost', async () => {
    const fresh = await startTestServer();
    try {
      const [c1, c2] = await Promise.all([fresh.signIn('chair'), fresh.signIn('coordinator')]);
      meeting = await upcomingMeeting(fresh);
      const start = await fresh.gql(
        `mutation($input: MeetingActionInput!) { startMeeting(input: $input) { meeting { version } errors { code } } }`,
        { input: { meetingId: meeting.id, expectedVersion: meeting.version } },
        c1,
      );
      const version = start.data!.startMeeting.meeting.version;
      const race = (cookie: string, agendaItemId: string) =>
        fresh.gql(
          `mutation($input: AgendaItemActionInput!) { makeAgendaItemCurrent(input: $input) { meeting { version currentItem { id } } errors { code message } } }`,
          { input: { meetingId: meeting.id, expectedVersion: version, agendaItemId } },
          cookie,
        );
      const results = await Promise.all([race(c1, meeting.agenda[2]!.id), race(c2, meeting.agenda[4]!.id)]);
      const payloads = results.map((r) => r.data!.makeAgendaItemCurrent);
      const winners = payloads.filter((p) => p.errors.length === 0);
      const losers = payloads.filter((p) => p.errors.length > 0);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0].errors[0].code).toBe('STALE_VERSION');
      expect(losers[0].errors[0].message).toMatch(/ändrats av någon annan/);
      const after = await fresh.gql(
        `query($id: ID!) { meeting(id: $id) { version currentItem { id } agenda { status } } }`,
        { id: meeting.id },
      );
      expect(after.data!.meeting.version).toBe(version + 1);
      expect(after.data!.meeting.currentItem.id).toBe(winners[0].meeting.currentItem.id);
      expect(after.data!.meeting.agenda.filter((i: any) => i.status === 'CURRENT')).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });
});

describe('bad input is refused with a field error and writes nothing', () => {
  test.each([
    [
      'an unknown meeting',
      'startMeeting',
      (m: any) => ({ meetingId: 'bm90LWEtbWVldGluZw', expectedVersion: m.version }),
      'NOT_FOUND',
      ['input', 'meetingId'],
    ],
    [
      'a stale version',
      'startMeeting',
      (m: any) => ({ meetingId: m.id, expectedVersion: m.version - 1 }),
      'STALE_VERSION',
      ['input', 'expectedVersion'],
    ],
    [
      'a wrong state transition',
      'closeMeeting',
      (m: any) => ({ meetingId: m.id, expectedVersion: m.version }),
      'INVALID_TRANSITION',
      ['input'],
    ],
    [
      'an item of another meeting',
      'deferAgendaItem',
      (m: any) => ({
        meetingId: m.id,
        expectedVersion: m.version,
        agendaItemId: 'QWdlbmRhSXRlbTowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA',
      }),
      'NOT_FOUND',
      ['input', 'agendaItemId'],
    ],
    [
      'recording an outcome before the meeting starts',
      'recordAgendaItemOutcome',
      (m: any) => ({
        meetingId: m.id,
        expectedVersion: m.version,
        agendaItemId: m.agenda[0].id,
        decision: 'x'.repeat(4001),
      }),
      'INVALID_TRANSITION',
      ['input'],
    ],
  ])('%s', async (_name, mutation, input, code, field) => {
    const meeting = await upcomingMeeting(server);
    const before = await meetingState(meeting.id);
    const { payload } = await act(mutation, input(meeting), coordinator);
    expect(payload?.meeting).toBeNull();
    expect(payload?.errors[0]).toMatchObject({ code, field });
    expect(payload?.errors[0]?.message).toBeTruthy();
    expect(await meetingState(meeting.id)).toEqual(before);
  });

  test('a decision too long on a running meeting', async () => {
    const fresh = await startTestServer();
    try {
      const cookie = await fresh.signIn('chair');
      const meeting = await upcomingMeeting(fresh);
      const started = await fresh.gql(
        `mutation($input: MeetingActionInput!) { startMeeting(input: $input) { meeting { version } } }`,
        { input: { meetingId: meeting.id, expectedVersion: meeting.version } },
        cookie,
      );
      const version = started.data!.startMeeting.meeting.version;
      const res = await fresh.gql(
        `mutation($input: RecordAgendaItemOutcomeInput!) { recordAgendaItemOutcome(input: $input) { meeting { id } errors { field code } } }`,
        {
          input: {
            meetingId: meeting.id,
            expectedVersion: version,
            agendaItemId: meeting.agenda[0]!.id,
            decision: 'x'.repeat(4001),
          },
        },
        cookie,
      );
      expect(res.data!.recordAgendaItemOutcome.errors).toEqual([
        { field: ['input', 'decision'], code: 'TOO_LONG' },
      ]);
      const after = await fresh.gql(`query($id: ID!) { meeting(id: $id) { version agenda { decision } } }`, {
        id: meeting.id,
      });
      expect(after.data!.meeting.version).toBe(version);
      expect(after.data!.meeting.agenda[0].decision).toBeNull();
    } finally {
      await fresh.close();
    }
  });
});
