import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  AgendaItemKind,
  MeetingStatus,
  SubmissionAction,
  SubmissionPublication,
  SubmissionStatus,
  SUBMISSION_LIMITS,
} from '@samverka/domain';
import { sqlCounter } from '../src/db/orm.js';
import { Forum } from '../src/forums/forum.entity.js';
import { Meeting } from '../src/meetings/meeting.entity.js';
import { AgendaItem } from '../src/meetings/agenda-item.entity.js';
import { Submission } from '../src/submissions/submission.entity.js';
import { SubmissionEvent } from '../src/submissions/submission-event.entity.js';
import { SubmissionFollow } from '../src/submissions/submission-follow.entity.js';
import {
  SubmissionMessage,
  SubmissionMessageVisibility,
} from '../src/submissions/submission-message.entity.js';
import { recordSubmissionStep } from '../src/submissions/submission-steps.js';
import { submissionFollowerIds } from '../src/submissions/submission-matter.queries.js';
import { toGlobalId } from '../src/graphql/node.js';
import { collect, rowCounts, startTestServer, until, type TestServer } from './helpers.js';
import { liveMetrics } from '../src/live/live-hub.js';
import {
  MATTER_ROLES,
  createMatter,
  matterMutation,
  matterPeople,
  type MatterPeople,
  type MatterRole,
} from './submission-matter-fixtures.js';

let server: TestServer;
let people: MatterPeople;
beforeAll(async () => {
  server = await startTestServer();
  people = await matterPeople(server);
});
afterAll(() => server?.close());

const cookieOf = (role: MatterRole | 'handler') => people.cookies[role as keyof MatterPeople['cookies']];

const PAGE = `query($id: ID!) { submission(id: $id) {
  id status registrationNumber viewerCanSeeContent followerCount viewerFollows liveCursor
  scheduledMeeting { id title startsAt } scheduledAgendaItem { title }
  timeline { id action fromStatus toStatus occurredAt actorName party { name } text meeting { id title startsAt } }
  conversation { id body authorName postedAt }
  internalNotes { id body authorName postedAt }
} }`;

async function page(id: string, role: MatterRole | 'handler') {
  const res = await server.gql(PAGE, { id }, cookieOf(role));
  expect(res.errors).toBeUndefined();
  return res.data!.submission;
}

/** A meeting of Samverkansrådet with one agenda item, in the given status. */
async function meetingWithItem(status: MeetingStatus, title = 'Samverkansrådet i december') {
  const em = server.orm.em.fork();
  const forum = await em.findOneOrFail(Forum, { slug: 'samverkansradet' });
  const meeting = em.create(Meeting, {
    forum,
    title,
    startsAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    endsAt: new Date(Date.now() + 7 * 24 * 3600 * 1000 + 7200 * 1000),
    status,
  });
  const item = em.create(AgendaItem, {
    meeting,
    position: 1,
    title: 'Anmält hinder: lokalhyror i Vivalla',
    kind: AgendaItemKind.DISCUSSION,
    plannedMinutes: 15,
  });
  await em.flush();
  return { meetingId: toGlobalId('Meeting', meeting.id), itemId: item.id };
}

/** Takes a workflow step as its owner would, through recordSubmissionStep. */
async function step(
  uuid: string,
  action: SubmissionAction,
  to: SubmissionStatus,
  extra: { actorId?: string | null; text?: string; agendaItemId?: string; registrationNumber?: string } = {},
) {
  await server.orm.em.fork().transactional(async (tx) => {
    const submission = await tx.findOneOrFail(Submission, uuid);
    const from = submission.status;
    submission.status = to;
    if (extra.registrationNumber) submission.registrationNumber = extra.registrationNumber;
    if (extra.agendaItemId) submission.agendaItem = tx.getReference(AgendaItem, extra.agendaItemId) as never;
    await recordSubmissionStep(tx, undefined, {
      submission,
      action,
      fromStatus: from,
      actorId: extra.actorId === undefined ? people.ids.coordinator! : extra.actorId,
      text: extra.text ?? null,
      agendaItemId: extra.agendaItemId ?? null,
    });
  });
}

describe('the timeline', () => {
  test('lists every step oldest first, with who, the meeting of the scheduling and the answer, and comments', async () => {
    const matter = await createMatter(server, people);
    const { meetingId, itemId } = await meetingWithItem(MeetingStatus.AGENDA_PUBLISHED);
    await step(matter.uuid, SubmissionAction.REGISTER, SubmissionStatus.REGISTERED, {
      registrationNumber: 'SR 1/2026',
    });
    await step(matter.uuid, SubmissionAction.SCHEDULE, SubmissionStatus.SCHEDULED, { agendaItemId: itemId });
    const comment = await matterMutation(
      server,
      'commentOnSubmission',
      { submissionId: matter.id, body: '  Rådet tar upp ärendet i december.  ' },
      cookieOf('coordinator'),
    );
    expect(comment.data!.commentOnSubmission.errors).toEqual([]);
    await step(matter.uuid, SubmissionAction.RECORD_MEETING_ANSWER, SubmissionStatus.ANSWERED, {
      actorId: null,
      agendaItemId: itemId,
      text: 'Rådet ger förvaltningen i uppdrag att se över hyrorna.',
    });

    const s = await page(matter.id, 'anonymous');
    expect(s.timeline.map((e: any) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['SUBMIT', 'DRAFT', 'SUBMITTED'],
      ['REGISTER', 'SUBMITTED', 'REGISTERED'],
      ['SCHEDULE', 'REGISTERED', 'SCHEDULED'],
      [null, null, null],
      ['RECORD_MEETING_ANSWER', 'SCHEDULED', 'ANSWERED'],
    ]);
    expect(s.timeline.map((e: any) => e.actorName)).toEqual([
      'Maja Berg',
      'Samira Lind',
      'Samira Lind',
      'Samira Lind',
      null,
    ]);
    const times = s.timeline.map((e: any) => Date.parse(e.occurredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(s.timeline[2].meeting).toMatchObject({ id: meetingId, title: 'Samverkansrådet i december' });
    expect(s.timeline[3].text).toBe('Rådet tar upp ärendet i december.');
    expect(s.timeline[4]).toMatchObject({
      text: 'Rådet ger förvaltningen i uppdrag att se över hyrorna.',
      meeting: { id: meetingId },
    });
    expect(s.scheduledMeeting).toMatchObject({ id: meetingId });
    expect(s.scheduledAgendaItem.title).toBe('Anmält hinder: lokalhyror i Vivalla');
  });

  test('a meeting still in draft is not linked for those who may not see it', async () => {
    const matter = await createMatter(server, people);
    const { meetingId, itemId } = await meetingWithItem(MeetingStatus.DRAFT, 'Utkast till möte');
    await step(matter.uuid, SubmissionAction.REGISTER, SubmissionStatus.REGISTERED);
    await step(matter.uuid, SubmissionAction.SCHEDULE, SubmissionStatus.SCHEDULED, { agendaItemId: itemId });
    const outsider = await page(matter.id, 'anonymous');
    expect(outsider.scheduledMeeting).toBeNull();
    expect(outsider.scheduledAgendaItem).toBeNull();
    expect(outsider.timeline.at(-1).meeting).toBeNull();
    const coordinator = await page(matter.id, 'coordinator');
    expect(coordinator.scheduledMeeting).toMatchObject({ id: meetingId });
    expect(coordinator.timeline.at(-1).meeting).toMatchObject({ id: meetingId });
  });

  test('of a restricted matter, outsiders read the steps but not who, for whom or what was written', async () => {
    const matter = await createMatter(server, people, { publication: SubmissionPublication.RESTRICTED });
    await matterMutation(
      server,
      'commentOnSubmission',
      { submissionId: matter.id, body: 'Namnger en person.' },
      cookieOf('coordinator'),
    );
    for (const role of ['anonymous', 'otherParty', 'nobody'] as const) {
      const s = await page(matter.id, role);
      expect(s.viewerCanSeeContent).toBe(false);
      expect(s.timeline.map((e: any) => e.action)).toEqual(['SUBMIT', null]);
      expect(s.timeline.every((e: any) => e.text === null && e.actorName === null && e.party === null)).toBe(
        true,
      );
    }
    for (const role of ['party', 'coordinator', 'council'] as const) {
      const s = await page(matter.id, role);
      expect(s.timeline[1]).toMatchObject({ text: 'Namnger en person.', actorName: 'Samira Lind' });
    }
  });
});

describe('conversation and internal notes', () => {
  test('the conversation is for the party, the coordinator and the handler; notes for the coordinator and the council', async () => {
    const matter = await createMatter(server, people, {
      status: SubmissionStatus.REFERRED,
      referredToId: people.departmentId,
    });
    for (const [role, body] of [
      ['party', 'Finns det något nytt?'],
      ['coordinator', 'Förvaltningen svarar i januari.'],
      ['handler', 'Vi tittar på hyrorna.'],
    ] as const) {
      const res = await server.gql(
        `mutation($input: PostSubmissionMessageInput!) { postSubmissionMessage(input: $input) { message { body authorName } errors { code } } }`,
        { input: { submissionId: matter.id, body } },
        cookieOf(role),
      );
      expect(res.data!.postSubmissionMessage).toMatchObject({ errors: [], message: { body } });
    }
    const note = await server.gql(
      `mutation($input: AddSubmissionNoteInput!) { addSubmissionNote(input: $input) { message { body authorName } errors { code } } }`,
      { input: { submissionId: matter.id, body: 'Kolla avtalet med fastighetsbolaget.' } },
      cookieOf('council'),
    );
    expect(note.data!.addSubmissionNote).toMatchObject({ errors: [], message: { authorName: 'Erik Holm' } });

    const conversationReaders = new Set(['party', 'coordinator', 'handler']);
    const noteReaders = new Set(['coordinator', 'council']);
    for (const role of [...MATTER_ROLES, 'handler'] as const) {
      const s = await page(matter.id, role);
      if (conversationReaders.has(role)) {
        expect(
          s.conversation.map((m: any) => m.authorName),
          role,
        ).toEqual(['Maja Berg', 'Samira Lind', 'Hugo Handläggare']);
      } else expect(s.conversation, role).toBeNull();
      if (noteReaders.has(role)) {
        expect(
          s.internalNotes.map((m: any) => m.body),
          role,
        ).toEqual(['Kolla avtalet med fastighetsbolaget.']);
      } else expect(s.internalNotes, role).toBeNull();
    }
  });

  test('the handler comments publicly for their department', async () => {
    const matter = await createMatter(server, people, {
      status: SubmissionStatus.REFERRED,
      referredToId: people.departmentId,
    });
    const canComment = async (role: MatterRole | 'handler') =>
      (
        await server.gql(
          'query($id: ID!) { submission(id: $id) { viewerCanComment } }',
          { id: matter.id },
          cookieOf(role),
        )
      ).data!.submission.viewerCanComment;
    expect(await canComment('handler')).toBe(true);
    expect(await canComment('coordinator')).toBe(true);
    expect(await canComment('party')).toBe(false);
    expect(await canComment('anonymous')).toBe(false);
    const res = await matterMutation(
      server,
      'commentOnSubmission',
      { submissionId: matter.id, body: 'Svar kommer före jul.' },
      cookieOf('handler'),
    );
    expect(res.data!.commentOnSubmission.errors).toEqual([]);
    const s = await page(matter.id, 'anonymous');
    expect(s.timeline.at(-1)).toMatchObject({
      action: null,
      actorName: 'Hugo Handläggare',
      party: { name: 'Socialförvaltningen' },
      text: 'Svar kommer före jul.',
    });
  });
});

describe('following', () => {
  test("the party's people follow by default and may stop; others follow when they choose; both idempotent", async () => {
    const matter = await createMatter(server, people);
    const start = await page(matter.id, 'party');
    expect(start.viewerFollows).toBe(true);
    expect(start.followerCount).toBe(1);
    expect((await page(matter.id, 'nobody')).viewerFollows).toBe(false);
    expect((await page(matter.id, 'anonymous')).viewerFollows).toBe(false);

    for (let i = 0; i < 2; i++) {
      const res = await matterMutation(
        server,
        'unfollowSubmission',
        { submissionId: matter.id },
        cookieOf('party'),
      );
      expect(res.data!.unfollowSubmission.errors).toEqual([]);
    }
    const rows = await server.orm.em.fork().find(SubmissionFollow, { submission: matter.uuid });
    expect(rows.map((row) => row.following)).toEqual([false]);
    expect(await page(matter.id, 'party')).toMatchObject({ viewerFollows: false, followerCount: 0 });

    for (let i = 0; i < 2; i++) {
      await matterMutation(server, 'followSubmission', { submissionId: matter.id }, cookieOf('nobody'));
      await matterMutation(server, 'followSubmission', { submissionId: matter.id }, cookieOf('party'));
    }
    expect(await page(matter.id, 'nobody')).toMatchObject({ viewerFollows: true, followerCount: 2 });
    expect(await page(matter.id, 'party')).toMatchObject({ viewerFollows: true, followerCount: 2 });
    expect((await submissionFollowerIds(server.orm.em.fork(), matter.uuid)).sort()).toEqual(
      [people.ids.party!, people.ids.nobody!].sort(),
    );
    await matterMutation(server, 'unfollowSubmission', { submissionId: matter.id }, cookieOf('nobody'));
    expect(await page(matter.id, 'nobody')).toMatchObject({ viewerFollows: false, followerCount: 1 });
  });

  test('following twice at once leaves one row', async () => {
    const matter = await createMatter(server, people);
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        matterMutation(server, 'followSubmission', { submissionId: matter.id }, cookieOf('otherParty')),
      ),
    );
    expect(results.map((res) => res.data!.followSubmission.errors)).toEqual([[], [], [], []]);
    const rows = await server.orm.em.fork().find(SubmissionFollow, { submission: matter.uuid });
    expect(rows.map((row) => row.following)).toEqual([true]);
  });

  test('a restricted matter is followed only by those who read it', async () => {
    const matter = await createMatter(server, people, { publication: SubmissionPublication.RESTRICTED });
    const refused = await matterMutation(
      server,
      'followSubmission',
      { submissionId: matter.id },
      cookieOf('nobody'),
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const allowed = await matterMutation(
      server,
      'followSubmission',
      { submissionId: matter.id },
      cookieOf('council'),
    );
    expect(allowed.data!.followSubmission.errors).toEqual([]);
  });
});

describe('bad input: a field error and nothing written', () => {
  const TABLES = ['submission_message', 'submission_event', 'submission_follow', 'live_event'];

  test.each([
    ['postSubmissionMessage', 'coordinator'],
    ['addSubmissionNote', 'coordinator'],
    ['commentOnSubmission', 'coordinator'],
  ] as const)('%s', async (mutation, role) => {
    const matter = await createMatter(server, people);
    const draft = await createMatter(server, people, { status: SubmissionStatus.DRAFT });
    const cases: [Record<string, unknown>, string[], string, number?][] = [
      [{ submissionId: matter.id, body: '' }, ['input', 'body'], 'REQUIRED'],
      [{ submissionId: matter.id, body: ' \n\t ' }, ['input', 'body'], 'REQUIRED'],
      [
        { submissionId: matter.id, body: 'x'.repeat(SUBMISSION_LIMITS.text + 1) },
        ['input', 'body'],
        'TOO_LONG',
        SUBMISSION_LIMITS.text,
      ],
      [{ submissionId: matter.id, body: 'Hej\u0000då' }, ['input', 'body'], 'INVALID'],
      [{ submissionId: 'not-a-matter', body: 'Hej' }, ['input', 'submissionId'], 'NOT_FOUND'],
      [
        { submissionId: toGlobalId('Meeting', matter.uuid), body: 'Hej' },
        ['input', 'submissionId'],
        'NOT_FOUND',
      ],
    ];
    // The coordinator does not see another party's draft: it is as absent as a missing matter.
    cases.push([{ submissionId: draft.id, body: 'Hej' }, ['input', 'submissionId'], 'NOT_FOUND']);
    for (const [input, field, code, max] of cases) {
      const before = await rowCounts(server, TABLES);
      const res = await matterMutation(server, mutation, input, cookieOf(role));
      expect(res.errors, JSON.stringify(input).slice(0, 80)).toBeUndefined();
      expect(res.data![mutation].submission).toBeNull();
      expect(res.data![mutation].errors).toMatchObject([{ field, code, ...(max ? { max } : {}) }]);
      expect(await rowCounts(server, TABLES)).toEqual(before);
    }
    const exact = await matterMutation(
      server,
      mutation,
      { submissionId: matter.id, body: 'x'.repeat(SUBMISSION_LIMITS.text) },
      cookieOf(role),
    );
    expect(exact.data![mutation].errors).toEqual([]);
  });

  test("the party's own draft has no conversation yet", async () => {
    const draft = await createMatter(server, people, { status: SubmissionStatus.DRAFT });
    const before = await rowCounts(server, TABLES);
    const res = await matterMutation(
      server,
      'postSubmissionMessage',
      { submissionId: draft.id, body: 'Hej' },
      cookieOf('party'),
    );
    expect(res.data!.postSubmissionMessage.errors).toMatchObject([
      { field: ['input', 'submissionId'], code: 'INVALID_TRANSITION' },
    ]);
    expect(await rowCounts(server, TABLES)).toEqual(before);
    expect((await page(draft.id, 'party')).conversation).toBeNull();
  });

  test('follow and unfollow of a missing matter', async () => {
    for (const mutation of ['followSubmission', 'unfollowSubmission']) {
      const res = await matterMutation(server, mutation, { submissionId: 'saknas' }, cookieOf('nobody'));
      expect(res.data![mutation].errors).toMatchObject([
        { field: ['input', 'submissionId'], code: 'NOT_FOUND' },
      ]);
    }
  });
});

describe('statements', () => {
  /** A matter with `count` timeline entries, messages and notes, written straight to the database. */
  async function matterWith(count: number) {
    const matter = await createMatter(server, people, {
      status: SubmissionStatus.REFERRED,
      referredToId: people.departmentId,
    });
    const em = server.orm.em.fork();
    const { itemId } = await meetingWithItem(MeetingStatus.AGENDA_PUBLISHED);
    for (let i = 1; i < count; i++) {
      em.create(SubmissionEvent, {
        submission: matter.uuid,
        action: i % 2 ? null : SubmissionAction.COSIGN,
        actor: i % 3 ? people.ids.coordinator! : people.ids.party!,
        party: i % 2 ? null : people.departmentId,
        agendaItem: i % 4 ? null : itemId,
        text: `Kommentar ${i}`,
        occurredAt: new Date(Date.now() + i),
      });
    }
    for (let i = 0; i < count; i++) {
      for (const visibility of [
        SubmissionMessageVisibility.CONVERSATION,
        SubmissionMessageVisibility.INTERNAL_NOTE,
      ]) {
        em.create(SubmissionMessage, {
          submission: matter.uuid,
          visibility,
          author: i % 2 ? people.ids.coordinator! : people.ids.party!,
          body: `Meddelande ${i}`,
        });
      }
    }
    const submission = await em.findOneOrFail(Submission, matter.uuid);
    submission.agendaItem = em.getReference(AgendaItem, itemId) as never;
    await em.flush();
    return matter.id;
  }

  test('the matter page costs the same statements with 3 entries and messages as with 30', async () => {
    const three = await matterWith(3);
    const thirty = await matterWith(30);
    for (const role of ['coordinator', 'anonymous', 'party'] as const) {
      const count = async (id: string) => {
        const before = sqlCounter.statements;
        const s = await page(id, role);
        expect(s.timeline.length).toBeGreaterThanOrEqual(3);
        return sqlCounter.statements - before;
      };
      const few = await count(three);
      const many = await count(thirty);
      expect(many, role).toBe(few);
      // The viewer's session and facts, the matter, the cursor's snapshot and one statement per kind of row.
      expect(few, role).toBeLessThanOrEqual(14);
    }
  });
});

describe('submissionChanged', () => {
  const LIVE = `subscription($id: ID!, $after: String) {
    submissionChanged(submissionId: $id, after: $after) {
      cursor kind submission { id status registrationNumber timeline { action text } conversation { body } }
    }
  }`;

  test("a step taken by another person reaches the party's page; a message too; resuming replays what was missed", async () => {
    const matter = await createMatter(server, people);
    const initial = await page(matter.id, 'party');
    const client = server.ws(cookieOf('party'));
    const subscribers = liveMetrics.subscribers;
    const watch = collect(client, LIVE, { id: matter.id, after: initial.liveCursor });
    await until(() => liveMetrics.subscribers > subscribers, 5000, 'subscription');

    await step(matter.uuid, SubmissionAction.REGISTER, SubmissionStatus.REGISTERED, {
      registrationNumber: 'SR 7/2026',
    });
    const [registered] = await watch.waitFor(1);
    expect(registered.submissionChanged).toMatchObject({
      kind: 'REGISTER',
      submission: { id: matter.id, status: 'REGISTERED', registrationNumber: 'SR 7/2026' },
    });
    await server.gql(
      `mutation($input: PostSubmissionMessageInput!) { postSubmissionMessage(input: $input) { errors { code } } }`,
      { input: { submissionId: matter.id, body: 'Tack, vi återkommer.' } },
      cookieOf('coordinator'),
    );
    const [, message] = await watch.waitFor(2);
    expect(message.submissionChanged.kind).toBe('MESSAGE');
    expect(message.submissionChanged.submission.conversation).toEqual([{ body: 'Tack, vi återkommer.' }]);
    watch.dispose();
    await client.dispose();

    await matterMutation(
      server,
      'commentOnSubmission',
      { submissionId: matter.id, body: 'Tas upp i december.' },
      cookieOf('coordinator'),
    );
    await step(matter.uuid, SubmissionAction.DECLINE, SubmissionStatus.DECLINED, {
      text: 'Utanför överenskommelsen.',
    });

    const again = server.ws(cookieOf('party'));
    const resumed = collect(again, LIVE, { id: matter.id, after: message.submissionChanged.cursor });
    const replayed = await resumed.waitFor(2);
    expect(replayed.map((e) => e.submissionChanged.kind)).toEqual(['COMMENT', 'DECLINE']);
    expect(replayed[1].submissionChanged.submission.status).toBe('DECLINED');
    expect(replayed[1].submissionChanged.submission.timeline.at(-1)).toEqual({
      action: 'DECLINE',
      text: 'Utanför överenskommelsen.',
    });
    resumed.dispose();
    await again.dispose();
  });

  test("another party's draft is refused as not found", async () => {
    const draft = await createMatter(server, people, { status: SubmissionStatus.DRAFT });
    const client = server.ws(cookieOf('otherParty'));
    const watch = collect(client, LIVE, { id: draft.id });
    await until(() => watch.errors.length > 0, 5000, 'refusal');
    expect(JSON.stringify(watch.errors)).toContain('NOT_FOUND');
    watch.dispose();
    await client.dispose();
  });
});
