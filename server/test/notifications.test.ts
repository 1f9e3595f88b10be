import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  Language,
  NotificationDelivery,
  NotificationKind,
  SubmissionAction,
  SubmissionPublication,
  SubmissionStatus,
} from '@samverka/domain';
import { NotificationPreference } from '../src/notifications/notification-preference.entity.js';
import { notifySubmissionMessage } from '../src/notifications/notification-fanout.js';
import { recordDigests } from '../src/notifications/notification-digest.js';
import { SubmissionMessageVisibility } from '../src/submissions/submission-message.entity.js';
import { Submission } from '../src/submissions/submission.entity.js';
import { recordSubmissionStep } from '../src/submissions/submission-steps.js';
import { toGlobalId } from '../src/graphql/node.js';
import { sqlCounter } from '../src/db/orm.js';
import { collect, freshDatabaseUrl, startTestServer, until, type TestServer } from './helpers.js';
import { startTestMailbox, testMailboxUrl, type TestMailbox } from './mail-helpers.js';
import { freePort } from './server-process.js';
import { registerPerson } from './accounts-fixtures.js';
import {
  follow,
  join,
  mailJobsTo,
  matter,
  notificationsOf,
  party,
  person,
  representative,
  takeStep,
} from './notification-fixtures.js';

let server: TestServer;
let mailbox: TestMailbox;

beforeAll(async () => {
  mailbox = await startTestMailbox();
  server = await startTestServer({ SMTP_URL: mailbox.url });
});
afterAll(async () => {
  await server?.close();
  await mailbox?.close();
});

async function prefer(personId: string, kind: NotificationKind, delivery: NotificationDelivery) {
  const em = server.orm.em.fork();
  em.create(NotificationPreference, { person: personId, kind, delivery });
  await em.flush();
}

describe('who is told of a step', () => {
  test("the party's people and the followers, once each, never the one who took it nor one who stopped following", async () => {
    const partyId = await party(server);
    const actor = await person(server, { partyId });
    const colleague = await person(server, { partyId });
    const stopped = await person(server, { partyId });
    const outsider = await person(server);
    const both = await person(server, { partyId });
    const bystander = await person(server);
    const submissionId = await matter(server, partyId, {
      registrationNumber: 'SR 7/2026',
      title: 'Lokaler på kvällar',
    });
    await follow(server, stopped.id, submissionId, false);
    await follow(server, outsider.id, submissionId);
    await follow(server, both.id, submissionId);

    await takeStep(server, submissionId, {
      action: SubmissionAction.REGISTER,
      to: SubmissionStatus.REGISTERED,
      actorId: actor.id,
    });

    for (const told of [colleague, outsider, both]) {
      const rows = await notificationsOf(server, told.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        kind: NotificationKind.SUBMISSION_STEP,
        params: { action: 'REGISTER', status: 'REGISTERED' },
        submission_id: submissionId,
      });
      expect(rows[0]!.mailed_at).not.toBeNull();
      const mail = await mailbox.waitFor(told.email, /SR 7\/2026: Lokaler på kvällar: har registrerats/);
      expect(mail.text).toContain(`/arenden/${toGlobalId('Submission', submissionId)}`);
      expect(mail.text).toContain('/aviseringar');
    }
    for (const untold of [actor, stopped, bystander]) {
      expect(await notificationsOf(server, untold.id)).toEqual([]);
      expect(await mailJobsTo(server, untold.email)).toEqual([]);
    }
    expect(mailbox.messages.filter((m) => m.to.includes(both.email))).toHaveLength(1);
  });

  test('a submission tells no one (the coordinator has it in the queue); a comment and an answer are told by kind', async () => {
    const partyId = await party(server);
    const actor = await person(server, { partyId });
    const colleague = await person(server, { partyId });
    const submissionId = await matter(server, partyId);

    await takeStep(server, submissionId, {
      action: SubmissionAction.SUBMIT,
      to: SubmissionStatus.SUBMITTED,
      actorId: actor.id,
    });
    expect(await notificationsOf(server, colleague.id)).toEqual([]);

    await takeStep(server, submissionId, { action: null, actorId: actor.id, text: 'En kommentar.' });
    await takeStep(server, submissionId, {
      action: SubmissionAction.RECORD_MEETING_ANSWER,
      to: SubmissionStatus.ANSWERED,
      actorId: null,
      text: 'Rådet beslutar att lokalerna ska kunna bokas.',
    });
    expect((await notificationsOf(server, colleague.id)).map((n) => n.kind)).toEqual([
      NotificationKind.SUBMISSION_MESSAGE,
      NotificationKind.SUBMISSION_ANSWERED,
    ]);
    // The meeting's decision has no actor: the one who submitted is told too.
    expect((await notificationsOf(server, actor.id)).map((n) => n.kind)).toEqual([
      NotificationKind.SUBMISSION_ANSWERED,
    ]);
    const answer = await mailbox.waitFor(colleague.email, /har besvarats genom beslut/);
    expect(answer.text).toContain('Rådet beslutar att lokalerna ska kunna bokas.');
  });

  test('without an outbox (the demo seed) the notification is in-app only', async () => {
    const partyId = await party(server);
    const colleague = await person(server, { partyId });
    const submissionId = await matter(server, partyId);
    await takeStep({ orm: server.orm, outbox: undefined as never }, submissionId, {
      action: SubmissionAction.REGISTER,
      to: SubmissionStatus.REGISTERED,
      actorId: null,
    });
    expect(await notificationsOf(server, colleague.id)).toMatchObject([
      { kind: 'SUBMISSION_STEP', mailed_at: null },
    ]);
    expect(await mailJobsTo(server, colleague.email)).toEqual([]);
  });

  test('a restricted matter is told only to those who may read it', async () => {
    const partyId = await party(server);
    const member = await person(server, { partyId });
    const outsider = await person(server);
    const coordinator = await person(server, { isCoordinator: true });
    const submissionId = await matter(server, partyId, { publication: SubmissionPublication.RESTRICTED });
    await follow(server, outsider.id, submissionId);
    await follow(server, coordinator.id, submissionId);

    await takeStep(server, submissionId, {
      action: SubmissionAction.DECLINE,
      to: SubmissionStatus.DECLINED,
      actorId: null,
    });

    expect(await notificationsOf(server, member.id)).toHaveLength(1);
    expect(await notificationsOf(server, coordinator.id)).toHaveLength(1);
    expect(await notificationsOf(server, outsider.id)).toEqual([]);
    expect(await mailJobsTo(server, outsider.email)).toEqual([]);
  });

  test("a conversation message tells the party's people, the coordinators and the handler, not the author; an internal note no one", async () => {
    const partyId = await party(server);
    const author = await person(server, { partyId });
    const colleague = await person(server, { partyId });
    const coordinator = await person(server, { isCoordinator: true });
    const follower = await person(server);
    const departmentId = await party(server);
    const handler = await person(server);
    await representative(server, handler.id, departmentId);
    const submissionId = await matter(server, partyId, { referredTo: departmentId });
    await follow(server, follower.id, submissionId);

    await server.orm.em.fork().transactional((tx) =>
      notifySubmissionMessage(tx, server.outbox, {
        submissionId,
        authorId: author.id,
        visibility: SubmissionMessageVisibility.CONVERSATION,
      }),
    );
    await server.orm.em.fork().transactional((tx) =>
      notifySubmissionMessage(tx, server.outbox, {
        submissionId,
        authorId: coordinator.id,
        visibility: SubmissionMessageVisibility.INTERNAL_NOTE,
      }),
    );
    for (const told of [colleague, coordinator, handler]) {
      expect((await notificationsOf(server, told.id)).map((n) => [n.kind, n.params])).toEqual([
        [NotificationKind.SUBMISSION_MESSAGE, { source: 'CONVERSATION' }],
      ]);
    }
    expect(await notificationsOf(server, author.id)).toEqual([]);
    // The conversation is between the party and those handling the matter, not its public followers.
    expect(await notificationsOf(server, follower.id)).toEqual([]);
  });
});

describe('mail', () => {
  test('comes in the language of the recipient', async () => {
    const partyId = await party(server);
    const english = await person(server, { partyId, language: Language.EN });
    const swedish = await person(server, { partyId });
    const submissionId = await matter(server, partyId, {
      registrationNumber: 'SR 8/2026',
      title: 'Bidragsregler',
    });

    await takeStep(server, submissionId, {
      action: SubmissionAction.REFER,
      to: SubmissionStatus.REFERRED,
      actorId: null,
    });

    const inEnglish = await mailbox.waitFor(english.email, /SR 8\/2026/);
    expect(inEnglish.subject).toBe(
      'SR 8/2026: Bidragsregler: has been referred to a department for a written answer',
    );
    expect(inEnglish.text).toMatch(/^Hello,/);
    const inSwedish = await mailbox.waitFor(swedish.email, /SR 8\/2026/);
    expect(inSwedish.subject).toContain('har remitterats');
    expect(inSwedish.text).toMatch(/^Hej!/);
  });

  test('a daily choice waits for the digest, grouped by matter, sent once; NONE is never mailed', async () => {
    const partyId = await party(server);
    const daily = await person(server, { partyId });
    const weekly = await person(server, { partyId, language: Language.EN });
    const none = await person(server, { partyId });
    await prefer(daily.id, NotificationKind.SUBMISSION_STEP, NotificationDelivery.DAILY);
    await prefer(daily.id, NotificationKind.SUBMISSION_MESSAGE, NotificationDelivery.DAILY);
    await prefer(weekly.id, NotificationKind.SUBMISSION_STEP, NotificationDelivery.WEEKLY);
    await prefer(weekly.id, NotificationKind.SUBMISSION_MESSAGE, NotificationDelivery.WEEKLY);
    await prefer(none.id, NotificationKind.SUBMISSION_STEP, NotificationDelivery.NONE);
    await prefer(none.id, NotificationKind.SUBMISSION_MESSAGE, NotificationDelivery.NONE);
    const first = await matter(server, partyId, { registrationNumber: 'SR 9/2026', title: 'Första' });
    const second = await matter(server, partyId, { registrationNumber: 'SR 10/2026', title: 'Andra' });

    await takeStep(server, first, {
      action: SubmissionAction.REGISTER,
      to: SubmissionStatus.REGISTERED,
      actorId: null,
    });
    await takeStep(server, second, {
      action: SubmissionAction.REGISTER,
      to: SubmissionStatus.REGISTERED,
      actorId: null,
    });
    await takeStep(server, first, { action: null, actorId: null, text: 'En kommentar.' });
    for (const who of [daily, weekly, none]) {
      expect(await mailJobsTo(server, who.email)).toEqual([]);
      expect((await notificationsOf(server, who.id)).every((n) => n.mailed_at === null)).toBe(true);
    }
    expect(await notificationsOf(server, none.id)).toHaveLength(3);

    const now = new Date(Date.now() + 1000);
    const em = server.orm.em.fork();
    // Only the person who chose the daily digest and has news is mailed.
    expect(await recordDigests(em, server.outbox, NotificationDelivery.DAILY, now)).toBe(1);
    const digest = await mailbox.waitFor(daily.email, /Dagens sammanfattning/);
    const text = digest.text;
    expect(text.indexOf('SR 9/2026: Första')).toBeGreaterThan(-1);
    expect(text.indexOf('SR 10/2026: Andra')).toBeGreaterThan(text.indexOf('SR 9/2026: Första'));
    const firstSection = text.slice(text.indexOf('SR 9/2026: Första'), text.indexOf('SR 10/2026: Andra'));
    expect(firstSection).toContain('Har registrerats');
    expect(firstSection).toContain('Har fått en ny kommentar');
    expect((await notificationsOf(server, daily.id)).every((n) => n.mailed_at !== null)).toBe(true);

    // Run again (a retry, a second instance): nothing left to send.
    expect(await recordDigests(server.orm.em.fork(), server.outbox, NotificationDelivery.DAILY, now)).toBe(0);
    expect(await mailJobsTo(server, daily.email)).toHaveLength(1);
    expect(await mailJobsTo(server, weekly.email)).toEqual([]);

    expect(await recordDigests(server.orm.em.fork(), server.outbox, NotificationDelivery.WEEKLY, now)).toBe(
      1,
    );
    const weeklyDigest = await mailbox.waitFor(weekly.email, /weekly summary/);
    expect(weeklyDigest.text).toContain('  – Has been registered');
    expect(await mailJobsTo(server, none.email)).toEqual([]);
  });

  test('a rolled-back step leaves no notification and sends no mail', async () => {
    const partyId = await party(server);
    const colleague = await person(server, { partyId });
    const submissionId = await matter(server, partyId);
    await expect(
      server.orm.em.fork().transactional(async (tx) => {
        const submission = await tx.findOneOrFail(Submission, submissionId);
        submission.status = SubmissionStatus.ANSWERED;
        await recordSubmissionStep(tx, server.outbox, {
          submission,
          action: SubmissionAction.ANSWER_IN_WRITING,
          fromStatus: SubmissionStatus.REFERRED,
          actorId: null,
          text: 'Svaret.',
        });
        throw new Error('the answer fails after it was recorded');
      }),
    ).rejects.toThrow('the answer fails');
    // A later step of the same matter is mailed; the rolled-back one never is.
    await takeStep(server, submissionId, {
      action: SubmissionAction.REGISTER,
      to: SubmissionStatus.REGISTERED,
      actorId: null,
    });
    await mailbox.waitFor(colleague.email, /har registrerats/);
    expect((await notificationsOf(server, colleague.id)).map((n) => n.params.action)).toEqual(['REGISTER']);
    expect(mailbox.messages.filter((m) => m.to.includes(colleague.email))).toHaveLength(1);
    expect((await mailJobsTo(server, colleague.email)).length).toBe(1);
  });
});

describe('the notification centre', () => {
  const CENTRE = `query($unreadOnly: Boolean, $after: String) { viewer { unreadNotificationCount language
    notificationPreferences { kind delivery }
    notifications(first: 2, after: $after, unreadOnly: $unreadOnly) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id kind readAt params { name value } submission { id registrationNumber title } } } } } }`;
  const MARK = `mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) {
    notification { id readAt } unreadNotificationCount errors { code field } } }`;
  const MARK_ALL = `mutation { markAllNotificationsRead { markedCount unreadNotificationCount errors { code } } }`;

  test('lists newest first with the unread count, marks one read and then all, live', async () => {
    const reader = await registerPerson(server);
    const partyId = await party(server);
    await join(server, reader.personId, partyId);
    const submissionId = await matter(server, partyId, { registrationNumber: 'SR 11/2026', title: 'Läsbar' });
    const cursor = (await server.gql('{ viewer { notificationsCursor } }', {}, reader.cookie)).data!.viewer
      .notificationsCursor;
    const ws = server.ws(reader.cookie);
    const live = collect(
      ws,
      `subscription($after: String) { notificationsChanged(after: $after) { cursor kind unreadNotificationCount } }`,
      { after: cursor },
    );
    try {
      await takeStep(server, submissionId, {
        action: SubmissionAction.REGISTER,
        to: SubmissionStatus.REGISTERED,
        actorId: null,
      });
      await takeStep(server, submissionId, {
        action: SubmissionAction.REFER,
        to: SubmissionStatus.REFERRED,
        actorId: null,
      });
      await takeStep(server, submissionId, {
        action: SubmissionAction.ANSWER_IN_WRITING,
        to: SubmissionStatus.ANSWERED,
        actorId: null,
      });
      await live.waitFor(3);
      expect(live.values.at(-1)!.notificationsChanged.unreadNotificationCount).toBe(3);

      const page = (await server.gql(CENTRE, {}, reader.cookie)).data!.viewer;
      expect(page.unreadNotificationCount).toBe(3);
      expect(page.language).toBe('SV');
      expect(page.notificationPreferences).toEqual(
        Object.values(NotificationKind).map((kind) => ({ kind, delivery: 'IMMEDIATE' })),
      );
      expect(page.notifications.totalCount).toBe(3);
      expect(page.notifications.pageInfo.hasNextPage).toBe(true);
      const [newest, next] = page.notifications.edges.map((e: any) => e.node);
      expect(newest.kind).toBe('SUBMISSION_ANSWERED');
      expect(newest.submission).toEqual({
        id: toGlobalId('Submission', submissionId),
        registrationNumber: 'SR 11/2026',
        title: 'Läsbar',
      });
      expect(next.params).toEqual([
        { name: 'action', value: 'REFER' },
        { name: 'status', value: 'REFERRED' },
      ]);
      const rest = (await server.gql(CENTRE, { after: page.notifications.pageInfo.endCursor }, reader.cookie))
        .data!.viewer;
      expect(rest.notifications.edges.map((e: any) => e.node.params[0].value)).toEqual(['REGISTER']);

      const marked = (await server.gql(MARK, { input: { notificationId: newest.id } }, reader.cookie)).data!
        .markNotificationRead;
      expect(marked.errors).toEqual([]);
      expect(marked.notification.readAt).not.toBeNull();
      expect(marked.unreadNotificationCount).toBe(2);
      await live.waitFor(4);
      expect(live.values.at(-1)!.notificationsChanged.unreadNotificationCount).toBe(2);
      const unread = (await server.gql(CENTRE, { unreadOnly: true }, reader.cookie)).data!.viewer;
      expect(unread.notifications.totalCount).toBe(2);

      const all = (await server.gql(MARK_ALL, {}, reader.cookie)).data!.markAllNotificationsRead;
      expect(all).toEqual({ markedCount: 2, unreadNotificationCount: 0, errors: [] });
      await live.waitFor(5);
      expect(live.values.at(-1)!.notificationsChanged.unreadNotificationCount).toBe(0);
    } finally {
      live.dispose();
      await ws.dispose();
    }
  });

  test('the list costs the same SQL statements with 2 notifications as with 12, each of another matter', async () => {
    const LIST = `{ viewer { unreadNotificationCount notifications(first: 20) { totalCount
      edges { node { id kind createdAt readAt params { name value } submission { id registrationNumber title } } } } } }`;
    async function statementsWith(count: number) {
      const reader = await registerPerson(server);
      const partyId = await party(server);
      await join(server, reader.personId, partyId);
      for (let i = 0; i < count; i++) {
        const submissionId = await matter(server, partyId, {
          publication: i % 2 ? SubmissionPublication.RESTRICTED : SubmissionPublication.PUBLIC,
        });
        await takeStep(server, submissionId, {
          action: SubmissionAction.REGISTER,
          to: SubmissionStatus.REGISTERED,
          actorId: null,
        });
      }
      const before = sqlCounter.statements;
      const res = await server.gql(LIST, {}, reader.cookie);
      expect(res.errors).toBeUndefined();
      expect(res.data!.viewer.notifications.edges).toHaveLength(count);
      return sqlCounter.statements - before;
    }
    expect(await statementsWith(2)).toBe(await statementsWith(12));
  });

  test("another person's notification is not found and stays unread", async () => {
    const partyId = await party(server);
    const owner = await person(server, { partyId });
    const submissionId = await matter(server, partyId);
    await takeStep(server, submissionId, {
      action: SubmissionAction.REGISTER,
      to: SubmissionStatus.REGISTERED,
      actorId: null,
    });
    const [row] = await server.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>('select id from notification where person_id = ?', [owner.id]);
    const other = await server.signIn('member');
    const res = await server.gql(MARK, { input: { notificationId: row!.id } }, other);
    expect(res.data!.markNotificationRead.errors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'notificationId'] },
    ]);
    expect((await notificationsOf(server, owner.id))[0]!.read_at).toBeNull();
    const nonsense = await server.gql(MARK, { input: { notificationId: 'not-an-id' } }, other);
    expect(nonsense.data!.markNotificationRead.errors[0].code).toBe('NOT_FOUND');
  });

  test('preferences (every kind, defaults included) and language are the viewer’s to choose', async () => {
    const chooser = await registerPerson(server);
    const set = await server.gql(
      `mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { preference { kind delivery } errors { code } } }`,
      { input: { kind: 'SUBMISSION_MESSAGE', delivery: 'WEEKLY' } },
      chooser.cookie,
    );
    expect(set.data!.setNotificationPreference).toEqual({
      preference: { kind: 'SUBMISSION_MESSAGE', delivery: 'WEEKLY' },
      errors: [],
    });
    const again = await server.gql(
      `mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { errors { code } } }`,
      { input: { kind: 'SUBMISSION_MESSAGE', delivery: 'NONE' } },
      chooser.cookie,
    );
    expect(again.data!.setNotificationPreference.errors).toEqual([]);
    const wrong = await server.gql(
      `mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { errors { code } } }`,
      { input: { kind: 'SUBMISSION_MESSAGE', delivery: 'HOURLY' } },
      chooser.cookie,
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const language = await server.gql(
      `mutation($input: SetLanguageInput!) { setLanguage(input: $input) { viewer { id language } errors { code } } }`,
      { input: { language: 'EN' } },
      chooser.cookie,
    );
    expect(language.data!.setLanguage).toEqual({
      viewer: { id: chooser.personId, language: 'EN' },
      errors: [],
    });
    const viewer = (
      await server.gql(
        `{ viewer { language notificationPreferences { kind delivery } } }`,
        {},
        chooser.cookie,
      )
    ).data!.viewer;
    expect(viewer.language).toBe('EN');
    expect(viewer.notificationPreferences).toContainEqual({ kind: 'SUBMISSION_MESSAGE', delivery: 'NONE' });
    expect(viewer.notificationPreferences).toContainEqual({ kind: 'SUBMISSION_STEP', delivery: 'IMMEDIATE' });
  });
});

describe('a server stopped between commit and sending', () => {
  test('mails the committed step once after it is started again', async () => {
    const port = await freePort();
    const url = await freshDatabaseUrl();
    const first = await startTestServer({ SMTP_URL: testMailboxUrl(port) }, url);
    const partyId = await party(first);
    const colleague = await person(first, { partyId });
    const submissionId = await matter(first, partyId);
    await takeStep(first, submissionId, {
      action: SubmissionAction.REGISTER,
      to: SubmissionStatus.REGISTERED,
      actorId: null,
    });
    // The SMTP server is not there yet: the committed mail waits in the outbox.
    await until(
      async () => (await mailJobsTo(first, colleague.email)).some((job) => job.state === 'retry'),
      30_000,
      'a failed attempt',
    );
    await first.close();

    const late = await startTestMailbox(port);
    const second = await startTestServer({ SMTP_URL: late.url }, url);
    try {
      await late.waitFor(colleague.email, /har registrerats/, 60_000);
      await until(
        async () => (await mailJobsTo(second, colleague.email)).every((job) => job.state === 'completed'),
        30_000,
        'completion',
      );
      expect(late.messages.filter((m) => m.to.includes(colleague.email))).toHaveLength(1);
      expect(await notificationsOf(second, colleague.id)).toHaveLength(1);
    } finally {
      await second.close();
      await late.close();
    }
  }, 180_000);
});
