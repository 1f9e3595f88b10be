import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AgendaItemKind, MeetingStatus, SeatKind } from '@samverka/domain';
import { sqlCounter } from '../src/db/orm.js';
import { CouncilSeat } from '../src/council/council-seat.entity.js';
import { Forum } from '../src/forums/forum.entity.js';
import { Person } from '../src/accounts/person.entity.js';
import { Meeting } from '../src/meetings/meeting.entity.js';
import { AgendaItem } from '../src/meetings/agenda-item.entity.js';
import { toGlobalId } from '../src/graphql/node.js';
import { noticePolicy } from '../src/notice/notice.policy.js';
import { mutationRules } from './policies.js';
import { rowCounts, startTestServer, upcomingMeeting, type TestServer } from './helpers.js';
import { registerPerson } from './accounts-fixtures.js';

type Role = 'anonymous' | 'outsider' | 'member' | 'chair' | 'coordinator';
const ROLES: Role[] = ['anonymous', 'outsider', 'member', 'chair', 'coordinator'];
/** Who the notice goes to: the member and the chair hold seats, and so does the coordinator (her seat). */
const INVITED: Record<Role, boolean> = {
  anonymous: false,
  outsider: false,
  member: true,
  chair: true,
  coordinator: true,
};

const ANSWER = `mutation($input: AnswerNoticeInput!) {
  answerNotice(input: $input) { answer { name choice comment } errors { field code max } }
}`;
const OVERVIEW = `query($id: ID!) {
  meeting(id: $id) {
    viewerInvited
    viewerNoticeAnswer { choice comment }
    noticeAnswers { comingCount notComingCount notAnsweredCount entries { name choice comment answeredAt } }
  }
}`;

let server: TestServer;
const cookies: Partial<Record<Role, string>> = {};
const ids: Partial<Record<Role, string>> = {};
let meetingId: string;

async function addSeat(email: string) {
  const em = server.orm.em.fork();
  const forum = await em.findOneOrFail(Forum, { slug: 'samverkansradet' });
  const person = await em.findOneOrFail(Person, { email });
  em.create(CouncilSeat, {
    forum,
    kind: SeatKind.CIVIL_SOCIETY,
    holderName: person.name,
    person,
    position: 60,
  });
  await em.flush();
}

async function meetingAt(startsAt: Date, status: MeetingStatus): Promise<string> {
  const em = server.orm.em.fork();
  const forum = await em.findOneOrFail(Forum, { slug: 'samverkansradet' });
  const meeting = em.create(Meeting, {
    forum,
    title: 'Extra möte',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3600_000),
    status,
  });
  em.create(AgendaItem, {
    meeting,
    position: 1,
    title: 'Punkt',
    kind: AgendaItemKind.DISCUSSION,
    plannedMinutes: 5,
  });
  await em.flush();
  return toGlobalId('Meeting', meeting.id);
}

beforeAll(async () => {
  server = await startTestServer();
  await addSeat('forening@samverka.example');
  for (const role of ['member', 'chair', 'coordinator'] as const) cookies[role] = await server.signIn(role);
  const outsider = await registerPerson(server);
  cookies.outsider = outsider.cookie;
  for (const role of ROLES.slice(1)) {
    ids[role] = (await server.gql('{ viewer { id } }', {}, cookies[role])).data!.viewer.id;
  }
  meetingId = (await upcomingMeeting(server)).id;
});
afterAll(() => server?.close());

describe.each(Object.entries(mutationRules('notice')))('%s', (mutation, rule) => {
  test.each(ROLES)('as %s', async (role) => {
    const viewer =
      role === 'anonymous'
        ? null
        : {
            id: ids[role]!,
            name: '',
            email: '',
            isCoordinator: role === 'coordinator',
            sessionId: '',
            convenes: [],
          };
    const expectedAllowed = noticePolicy[rule as keyof typeof noticePolicy](viewer, {
      status: MeetingStatus.AGENDA_PUBLISHED,
      chairId: ids.chair!,
      // None of these roles convenes a forum, so which forum does not matter.
      forumId: '',
      viewerInvited: INVITED[role],
    });
    const before = await rowCounts(server, ['notice_answer']);
    const res = await server.gql(ANSWER, { input: { meetingId, choice: 'COMING' } }, cookies[role]);
    if (expectedAllowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data![mutation].errors).toEqual([]);
      expect(res.data![mutation].answer.choice).toBe('COMING');
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(res.data).toBeNull();
      expect(await rowCounts(server, ['notice_answer'])).toEqual(before);
    }
  });
});

test('a member answers, changes her answer, and sees it; the chair and the coordinator see who answered what', async () => {
  const first = await server.gql(
    ANSWER,
    { input: { meetingId, choice: 'COMING', comment: '  Kommer 18.30  ' } },
    cookies.member,
  );
  expect(first.data!.answerNotice).toEqual({
    answer: { name: 'Maja Berg', choice: 'COMING', comment: 'Kommer 18.30' },
    errors: [],
  });
  await server.gql(ANSWER, { input: { meetingId, choice: 'NOT_COMING', comment: 'Sjuk.' } }, cookies.member);
  const own = (await server.gql(OVERVIEW, { id: meetingId }, cookies.member)).data!.meeting;
  expect(own).toEqual({
    viewerInvited: true,
    viewerNoticeAnswer: { choice: 'NOT_COMING', comment: 'Sjuk.' },
    noticeAnswers: null,
  });
  await server.gql(ANSWER, { input: { meetingId, choice: 'COMING' } }, cookies.chair);
  for (const runner of ['chair', 'coordinator'] as const) {
    const answers = (await server.gql(OVERVIEW, { id: meetingId }, cookies[runner])).data!.meeting
      .noticeAnswers;
    const byName = Object.fromEntries(answers.entries.map((entry: any) => [entry.name, entry]));
    expect(byName['Maja Berg']).toMatchObject({ choice: 'NOT_COMING', comment: 'Sjuk.' });
    expect(byName['Erik Holm']).toMatchObject({ choice: 'COMING' });
    expect(answers.notComingCount).toBe(1);
    expect(answers.comingCount + answers.notComingCount + answers.notAnsweredCount).toBe(
      answers.entries.length,
    );
  }
  const signedOut = (await server.gql(OVERVIEW, { id: meetingId })).data!.meeting;
  expect(signedOut).toEqual({ viewerInvited: false, viewerNoticeAnswer: null, noticeAnswers: null });
});

test('who has not answered yet is listed, and the overview costs the same statements for 3 members as for 23', async () => {
  const count = async () => {
    const before = sqlCounter.statements;
    const res = await server.gql(OVERVIEW, { id: meetingId }, cookies.chair);
    expect(res.errors).toBeUndefined();
    return { statements: sqlCounter.statements - before, answers: res.data!.meeting.noticeAnswers };
  };
  const few = await count();
  const em = server.orm.em.fork();
  const forum = await em.findOneOrFail(Forum, { slug: 'samverkansradet' });
  for (let i = 0; i < 20; i++) {
    const person = em.create(Person, {
      name: `Ledamot ${i}`,
      email: `ledamot${i}@exempel.se`,
      passwordHash: 'not used',
      createdAt: new Date(),
    });
    em.create(CouncilSeat, {
      forum,
      kind: SeatKind.CIVIL_SOCIETY,
      holderName: person.name,
      person,
      position: 70 + i,
    });
  }
  await em.flush();
  const many = await count();
  expect(many.answers.entries.length).toBe(few.answers.entries.length + 20);
  expect(many.answers.notAnsweredCount).toBe(few.answers.notAnsweredCount + 20);
  expect(many.answers.entries.filter((entry: any) => entry.choice === null)).toHaveLength(
    many.answers.notAnsweredCount,
  );
  expect(many.statements).toBe(few.statements);
});

describe('bad input is refused with a field error and writes nothing', () => {
  test.each([
    [
      'a comment over the limit',
      () => meetingId,
      { comment: 'x'.repeat(501) },
      ['input', 'comment'],
      'TOO_LONG',
    ],
    [
      'an id that is no meeting',
      () => toGlobalId('Meeting', '00000000-0000-4000-8000-000000000000'),
      {},
      ['input', 'meetingId'],
      'NOT_FOUND',
    ],
    [
      'an id of another type',
      () => toGlobalId('Forum', '00000000-0000-4000-8000-000000000000'),
      {},
      ['input', 'meetingId'],
      'NOT_FOUND',
    ],
  ])('%s', async (_name, id, extra, field, code) => {
    const before = await rowCounts(server, ['notice_answer']);
    const res = await server.gql(
      ANSWER,
      { input: { meetingId: id(), choice: 'COMING', ...extra } },
      cookies.member,
    );
    expect(res.data!.answerNotice.answer).toBeNull();
    expect(res.data!.answerNotice.errors[0]).toMatchObject({ field, code });
    expect(await rowCounts(server, ['notice_answer'])).toEqual(before);
  });

  test.each([
    ['its start has passed', new Date(Date.now() - 60_000), MeetingStatus.AGENDA_PUBLISHED],
    ['it is in progress', new Date(Date.now() + 3600_000), MeetingStatus.IN_PROGRESS],
    ['it is cancelled', new Date(Date.now() + 3600_000), MeetingStatus.CANCELLED],
  ])('answering after the meeting started or was cancelled: %s', async (_name, startsAt, status) => {
    const id = await meetingAt(startsAt, status);
    const before = await rowCounts(server, ['notice_answer']);
    const res = await server.gql(ANSWER, { input: { meetingId: id, choice: 'NOT_COMING' } }, cookies.member);
    expect(res.data!.answerNotice.errors[0]).toMatchObject({
      field: ['input', 'meetingId'],
      code: 'INVALID_TRANSITION',
    });
    expect(await rowCounts(server, ['notice_answer'])).toEqual(before);
  });

  test('a choice that is not one of the enum is refused by the schema', async () => {
    const res = await server.gql(ANSWER, { input: { meetingId, choice: 'MAYBE' } }, cookies.member);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
