import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SubmissionAction, SubmissionStatus } from '@samverka/domain';
import { Submission } from '../src/submissions/submission.entity.js';
import { SubmissionEvent } from '../src/submissions/submission-event.entity.js';
import { MeetingNotice } from '../src/meetings/meeting-notice.entity.js';
import { answerScheduledSubmissions } from '../src/submissions/submission-scheduling-hooks.js';
import { draftMeeting, rowCounts, startTestServer, upcomingMeeting, type TestServer } from './helpers.js';
import { uuidOf } from './accounts-fixtures.js';
import { createMeeting, details, forumIds, plan } from './planning-fixtures.js';
import { registeredMatter, schedule, unschedule } from './submission-scheduling-fixtures.js';

let server: TestServer;
let coordinator: string;
let chair: string;
let chairId: string;
let memberId: string;

beforeAll(async () => {
  server = await startTestServer();
  coordinator = await server.signIn('coordinator');
  chair = await server.signIn('chair');
  chairId = (await server.gql('{ viewer { id } }', {}, chair)).data!.viewer.id;
  const member = await server.signIn('member');
  memberId = (await server.gql('{ viewer { id } }', {}, member)).data!.viewer.id;
});
afterAll(() => server?.close());

const TABLES = ['submission', 'submission_event', 'agenda_item', 'meeting_notice', 'live_event'];

async function matterNow(uuid: string) {
  return server.orm.em.fork().findOneOrFail(Submission, uuid);
}

async function timeline(uuid: string) {
  return server.orm.em
    .fork()
    .find(SubmissionEvent, { submission: uuid }, { orderBy: { occurredAt: 'asc', id: 'asc' } });
}

async function noticeCount(meetingId: string) {
  return server.orm.em.fork().count(MeetingNotice, { meeting: uuidOf(meetingId) });
}

/** A fresh draft meeting of Samverkansrådet, so tests do not share an agenda. */
async function councilDraft() {
  const forums = await forumIds(server);
  const res = await createMeeting(server, coordinator, {
    forumId: forums.council,
    ...details(chairId, [memberId]),
  });
  expect(res.data!.createMeeting.errors).toEqual([]);
  return res.data!.createMeeting.meeting as { id: string; version: number; agenda: { id: string }[] };
}

async function chairAction(mutation: string, input: Record<string, unknown>) {
  const type =
    mutation === 'recordAgendaItemOutcome'
      ? 'RecordAgendaItemOutcomeInput'
      : mutation === 'deferAgendaItem'
        ? 'AgendaItemActionInput'
        : 'MeetingActionInput';
  const res = await server.gql(
    `mutation($input: ${type}!) { ${mutation}(input: $input) { meeting { id version status } errors { field code } } }`,
    { input },
    chair,
  );
  expect(res.data![mutation].errors).toEqual([]);
  return res.data![mutation].meeting as { id: string; version: number };
}

/** Publishes and starts the meeting; returns its version. */
async function startLive(meetingId: string, version: number) {
  const published = await chairAction('publishAgenda', { meetingId, expectedVersion: version });
  const started = await chairAction('startMeeting', { meetingId, expectedVersion: published.version });
  return started.version;
}

describe('scheduling from the matter', () => {
  test('a new decision item appears last on the agenda; the published meeting gets its changed notice', async () => {
    const matter = await registeredMatter(server);
    const meeting = await upcomingMeeting(server, coordinator);
    const noticesBefore = await noticeCount(meeting.id);
    const res = await schedule(
      server,
      { submissionId: matter.id, expectedVersion: matter.version, meetingId: meeting.id },
      coordinator,
    );
    const payload = res.data!.scheduleSubmission;
    expect(payload.errors).toEqual([]);
    expect(payload.submission.status).toBe('SCHEDULED');
    const last = payload.meeting.agenda.at(-1);
    expect(last.position).toBe(meeting.agenda.length + 1);
    expect(last.kind).toBe('DECISION');
    expect(last.title).toMatch(/^SR \d+\/\d{4}: Lokalbidraget kommer för sent/);
    expect(last.description).toContain(`/arenden/${matter.uuid}`);
    expect(payload.meeting.version).toBe(meeting.version + 1);
    expect(payload.submission.scheduledAgendaItem.id).toBe(last.id);
    expect(payload.submission.scheduledMeeting.id).toBe(meeting.id);
    expect(await noticeCount(meeting.id)).toBe(noticesBefore + 1);

    const events = await timeline(matter.uuid);
    expect(events.at(-1)).toMatchObject({
      action: SubmissionAction.SCHEDULE,
      fromStatus: SubmissionStatus.REGISTERED,
      toStatus: SubmissionStatus.SCHEDULED,
    });
    expect(events.at(-1)!.agendaItem!.id).toBe(uuidOf(last.id));

    const shown = await server.gql(
      'query($id: ID!) { meeting(id: $id) { agenda { id submissions { id registrationNumber status } } } }',
      { id: meeting.id },
    );
    const item = shown.data!.meeting.agenda.find((candidate: { id: string }) => candidate.id === last.id);
    expect(item.submissions).toEqual([
      { id: matter.id, registrationNumber: payload.submission.registrationNumber, status: 'SCHEDULED' },
    ]);
  });

  test('a restricted matter brings only its number to the public agenda', async () => {
    const matter = await registeredMatter(server, {
      publication: 'RESTRICTED' as never,
      title: 'Namngiven person',
    });
    const meeting = await councilDraft();
    const res = await schedule(
      server,
      { submissionId: matter.id, expectedVersion: matter.version, meetingId: meeting.id },
      coordinator,
    );
    const last = res.data!.scheduleSubmission.meeting.agenda.at(-1);
    expect(last.title).toMatch(/^SR \d+\/\d{4}: Anmält ärende$/);
    expect(last.description).not.toContain('Bidraget');
  });

  test('onto an existing pending item of the meeting, which stays as it was', async () => {
    const matter = await registeredMatter(server, { status: SubmissionStatus.REFERRED });
    const meeting = await councilDraft();
    const target = meeting.agenda[1]!.id;
    const res = await schedule(
      server,
      {
        submissionId: matter.id,
        expectedVersion: matter.version,
        meetingId: meeting.id,
        agendaItemId: target,
      },
      coordinator,
    );
    const payload = res.data!.scheduleSubmission;
    expect(payload.errors).toEqual([]);
    expect(payload.meeting.agenda).toHaveLength(meeting.agenda.length);
    expect(payload.submission.scheduledAgendaItem.id).toBe(target);
    expect((await timeline(matter.uuid)).at(-1)!.fromStatus).toBe(SubmissionStatus.REFERRED);
  });

  test('a convener of Samverkansrådet schedules from the agenda builder: the picker lists registered matters', async () => {
    const matter = await registeredMatter(server);
    const listed = await server.gql('{ schedulableSubmissions { id status title } }', {}, coordinator);
    expect(listed.data!.schedulableSubmissions.map((s: { id: string }) => s.id)).toContain(matter.id);
    const refused = await server.gql('{ schedulableSubmissions { id } }', {}, chair);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('refused, with a field error and nothing written', () => {
  async function refused(input: Record<string, unknown>, field: string, code: string) {
    const before = await rowCounts(server, TABLES);
    const res = await schedule(server, input, coordinator);
    expect(res.errors).toBeUndefined();
    const payload = res.data!.scheduleSubmission;
    expect(payload.submission).toBeNull();
    expect(payload.errors).toEqual([expect.objectContaining({ field: ['input', field], code })]);
    expect(await rowCounts(server, TABLES)).toEqual(before);
  }

  test('a meeting of another forum', async () => {
    const matter = await registeredMatter(server);
    const forums = await forumIds(server);
    const other = await createMeeting(server, coordinator, {
      forumId: forums.other,
      ...details(chairId, [memberId]),
    });
    await refused(
      {
        submissionId: matter.id,
        expectedVersion: matter.version,
        meetingId: other.data!.createMeeting.meeting.id,
      },
      'meetingId',
      'INVALID',
    );
  });

  test('a meeting that has started', async () => {
    const matter = await registeredMatter(server);
    const meeting = await councilDraft();
    await startLive(meeting.id, meeting.version);
    await refused(
      { submissionId: matter.id, expectedVersion: matter.version, meetingId: meeting.id },
      'meetingId',
      'INVALID_TRANSITION',
    );
  });

  test('a cancelled meeting', async () => {
    const matter = await registeredMatter(server);
    const meeting = await councilDraft();
    await plan(
      server,
      'cancelMeeting',
      { meetingId: meeting.id, expectedVersion: meeting.version, reason: 'Sjukdom.' },
      coordinator,
    );
    await refused(
      { submissionId: matter.id, expectedVersion: matter.version, meetingId: meeting.id },
      'meetingId',
      'INVALID_TRANSITION',
    );
  });

  test('a matter not registered or referred', async () => {
    const matter = await registeredMatter(server, { status: SubmissionStatus.SUBMITTED });
    const meeting = await councilDraft();
    await refused(
      { submissionId: matter.id, expectedVersion: matter.version, meetingId: meeting.id },
      'submissionId',
      'INVALID_TRANSITION',
    );
  });

  test('a stale version of the matter', async () => {
    const matter = await registeredMatter(server);
    const meeting = await councilDraft();
    await refused(
      { submissionId: matter.id, expectedVersion: matter.version + 1, meetingId: meeting.id },
      'expectedVersion',
      'STALE_VERSION',
    );
  });

  test('an item of another meeting, and an id that is no item', async () => {
    const matter = await registeredMatter(server);
    const meeting = await councilDraft();
    const other = await draftMeeting(server, coordinator);
    await refused(
      {
        submissionId: matter.id,
        expectedVersion: matter.version,
        meetingId: meeting.id,
        agendaItemId: other.agenda[0].id,
      },
      'agendaItemId',
      'NOT_FOUND',
    );
    await refused(
      {
        submissionId: matter.id,
        expectedVersion: matter.version,
        meetingId: meeting.id,
        agendaItemId: meeting.id,
      },
      'agendaItemId',
      'NOT_FOUND',
    );
  });

  test('a missing meeting', async () => {
    const matter = await registeredMatter(server);
    await refused(
      { submissionId: matter.id, expectedVersion: matter.version, meetingId: matter.id },
      'meetingId',
      'NOT_FOUND',
    );
  });
});

async function scheduledOnNewItem() {
  const matter = await registeredMatter(server);
  const meeting = await councilDraft();
  const res = await schedule(
    server,
    { submissionId: matter.id, expectedVersion: matter.version, meetingId: meeting.id },
    coordinator,
  );
  const payload = res.data!.scheduleSubmission;
  expect(payload.errors).toEqual([]);
  return { matter, meeting: payload.meeting, item: payload.meeting.agenda.at(-1) as { id: string } };
}

describe('the meeting answers the matter', () => {
  test('the decision recorded in the live meeting is the answer, in its transaction; a changed decision follows', async () => {
    const { matter, meeting, item } = await scheduledOnNewItem();
    let version = await startLive(meeting.id, meeting.version);
    version = (
      await chairAction('recordAgendaItemOutcome', {
        meetingId: meeting.id,
        expectedVersion: version,
        agendaItemId: item.id,
        decision: 'Rådet ber förvaltningen betala ut bidraget före terminsstart.',
      })
    ).version;
    let answered = await matterNow(matter.uuid);
    expect(answered.status).toBe(SubmissionStatus.ANSWERED);
    expect(answered.answer).toBe('Rådet ber förvaltningen betala ut bidraget före terminsstart.');
    const answeredAt = answered.answeredAt;
    expect(answeredAt).not.toBeNull();
    let last = (await timeline(matter.uuid)).at(-1)!;
    expect(last).toMatchObject({
      action: SubmissionAction.RECORD_MEETING_ANSWER,
      fromStatus: SubmissionStatus.SCHEDULED,
      toStatus: SubmissionStatus.ANSWERED,
      actor: null,
    });

    await chairAction('recordAgendaItemOutcome', {
      meetingId: meeting.id,
      expectedVersion: version,
      agendaItemId: item.id,
      decision: 'Rådet ber förvaltningen betala ut bidraget i augusti.',
    });
    answered = await matterNow(matter.uuid);
    expect(answered.answer).toBe('Rådet ber förvaltningen betala ut bidraget i augusti.');
    expect(answered.answeredAt).toEqual(answeredAt);
    last = (await timeline(matter.uuid)).at(-1)!;
    expect(last).toMatchObject({
      action: SubmissionAction.RECORD_MEETING_ANSWER,
      fromStatus: SubmissionStatus.ANSWERED,
    });
  });

  test('a minute alone answers nothing', async () => {
    const { matter, meeting, item } = await scheduledOnNewItem();
    const version = await startLive(meeting.id, meeting.version);
    await chairAction('recordAgendaItemOutcome', {
      meetingId: meeting.id,
      expectedVersion: version,
      agendaItemId: item.id,
      minute: 'Frågan diskuterades.',
    });
    expect((await matterNow(matter.uuid)).status).toBe(SubmissionStatus.SCHEDULED);
  });

  test('a decision rolled back answers nothing', async () => {
    const { matter, item } = await scheduledOnNewItem();
    const em = server.orm.em.fork();
    await expect(
      em.transactional(async (tx) => {
        await answerScheduledSubmissions(tx, undefined, uuidOf(item.id), 'Beslut som aldrig blev av.');
        throw new Error('the decision fails after the answer was written');
      }),
    ).rejects.toThrow('the decision fails');
    const after = await matterNow(matter.uuid);
    expect(after.status).toBe(SubmissionStatus.SCHEDULED);
    expect(after.answer).toBeNull();
    expect((await timeline(matter.uuid)).at(-1)!.action).toBe(SubmissionAction.SCHEDULE);
  });

  test('an item deferred at the meeting keeps the matter scheduled on it', async () => {
    const { matter, meeting, item } = await scheduledOnNewItem();
    const version = await startLive(meeting.id, meeting.version);
    await chairAction('deferAgendaItem', {
      meetingId: meeting.id,
      expectedVersion: version,
      agendaItemId: item.id,
    });
    expect((await matterNow(matter.uuid)).status).toBe(SubmissionStatus.SCHEDULED);
  });
});

describe('the meeting will not take it up', () => {
  test('a cancelled meeting returns its matters to REGISTERED, saying why', async () => {
    const { matter, meeting } = await scheduledOnNewItem();
    const res = await plan(
      server,
      'cancelMeeting',
      { meetingId: meeting.id, expectedVersion: meeting.version, reason: 'Ordföranden är sjuk.' },
      coordinator,
    );
    expect(res.data!.cancelMeeting.errors).toEqual([]);
    const after = await matterNow(matter.uuid);
    expect(after.status).toBe(SubmissionStatus.REGISTERED);
    expect(after.agendaItem).toBeNull();
    const last = (await timeline(matter.uuid)).at(-1)!;
    expect(last).toMatchObject({
      action: SubmissionAction.UNSCHEDULE,
      toStatus: SubmissionStatus.REGISTERED,
    });
    expect(last.text).toContain('Ordföranden är sjuk.');
  });

  test('a removed item returns its matter to REGISTERED', async () => {
    const { matter, meeting, item } = await scheduledOnNewItem();
    const res = await plan(
      server,
      'removeAgendaItem',
      { meetingId: meeting.id, expectedVersion: meeting.version, agendaItemId: item.id },
      coordinator,
    );
    expect(res.data!.removeAgendaItem.errors).toEqual([]);
    expect((await matterNow(matter.uuid)).status).toBe(SubmissionStatus.REGISTERED);
    const last = (await timeline(matter.uuid)).at(-1)!;
    expect(last).toMatchObject({ action: SubmissionAction.UNSCHEDULE });
    expect(last.text).toContain('togs bort');
  });

  test('unscheduling returns it to REGISTERED; the item stays on the agenda', async () => {
    const { matter, meeting, item } = await scheduledOnNewItem();
    const scheduled = await matterNow(matter.uuid);
    const res = await unschedule(
      server,
      { submissionId: matter.id, expectedVersion: scheduled.version },
      coordinator,
    );
    expect(res.data!.unscheduleSubmission.errors).toEqual([]);
    expect(res.data!.unscheduleSubmission.submission).toMatchObject({
      status: 'REGISTERED',
      scheduledAgendaItem: null,
    });
    const shown = await server.gql(
      'query($id: ID!) { meeting(id: $id) { version agenda { id submissions { id } } } }',
      { id: meeting.id },
      coordinator,
    );
    expect(shown.data!.meeting.agenda.map((i: { id: string }) => i.id)).toContain(item.id);
    // The meeting's version moves on, so its pages (which keep the higher version) drop the matter.
    expect(shown.data!.meeting.version).toBe(meeting.version + 1);
    expect(shown.data!.meeting.agenda.find((i: { id: string }) => i.id === item.id).submissions).toEqual([]);
    const again = await unschedule(
      server,
      { submissionId: matter.id, expectedVersion: scheduled.version + 1 },
      coordinator,
    );
    expect(again.data!.unscheduleSubmission.errors[0]).toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});

describe('the agenda shows its matters in a constant number of statements', () => {
  test('AgendaItem.submissions is one statement for the whole agenda', async () => {
    const meeting = await councilDraft();
    for (let i = 0; i < 3; i++) {
      const matter = await registeredMatter(server);
      const res = await schedule(
        server,
        { submissionId: matter.id, expectedVersion: matter.version, meetingId: meeting.id },
        coordinator,
      );
      expect(res.data!.scheduleSubmission.errors).toEqual([]);
    }
    const statements: string[] = [];
    const { em } = server.orm;
    const connection = em.getConnection();
    const original = connection.execute.bind(connection);
    connection.execute = (async (...args: Parameters<typeof original>) => {
      statements.push(String(args[0]));
      return original(...args);
    }) as typeof connection.execute;
    try {
      const res = await server.gql(
        'query($id: ID!) { meeting(id: $id) { agenda { id submissions { id registrationNumber status } } } }',
        { id: meeting.id },
        coordinator,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.meeting.agenda.flatMap((i: { submissions: unknown[] }) => i.submissions)).toHaveLength(
        3,
      );
    } finally {
      connection.execute = original;
    }
    expect(statements.filter((sql) => /from "submission"/.test(sql))).toHaveLength(1);
  });
});
