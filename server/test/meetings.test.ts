import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
  if (mutation === 'makeAgendaItemCurrent' || mutation === 'deferAgendaItem') return 'AgendaItemActionInput';
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
    expect(state.agenda[0].status).toBe('DONE');

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
