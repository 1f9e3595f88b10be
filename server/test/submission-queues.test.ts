import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MembershipRole, MembershipStatus, SubmissionStatus } from '@samverka/domain';
import { Membership } from '../src/parties/membership.entity.js';
import { sqlCounter } from '../src/db/orm.js';
import { recordSubmissionStep } from '../src/submissions/submission-steps.js';
import { Submission } from '../src/submissions/submission.entity.js';
import { SubmissionAction } from '@samverka/domain';
import { liveMetrics } from '../src/live/live-hub.js';
import { collect, startTestServer, until, type TestServer } from './helpers.js';
import { registerPerson, uuidOf } from './accounts-fixtures.js';
import { draftContent, draftMatter, joinedParty, stepOk } from './submission-fixtures.js';
import {
  councilAgendaItem,
  departmentWithRepresentative,
  matterIn,
  partyWithMember,
} from './submission-queue-fixtures.js';

const S = SubmissionStatus;

const PARTY_LIST = `query($partyId: ID!, $first: Int, $after: String, $statuses: [SubmissionStatus!]) {
  partySubmissions(partyId: $partyId, first: $first, after: $after, statuses: $statuses) {
    totalCount liveCursor statusCounts { status count }
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title status registrationNumber updatedAt viewerActions } }
  }
}`;

const QUEUE = `{ submissionQueue {
  coordinates liveCursor
  awaitingRegistration { count entries { daysWaiting since submission { id title party { name } } } }
  returned { count entries { daysWaiting submission { id } } }
  referred { count entries { dueOn overdue daysWaiting submission { id title } } }
  registered { count entries { submission { id } } }
  scheduled { count entries { meeting { id startsAt } submission { id } } }
  answered { count entries { submission { id } } }
  referredToViewer { count entries { dueOn overdue submission { id title } } }
} }`;

const ids = (section: { entries: { submission: { id: string } }[] }) =>
  section.entries.map((e) => e.submission.id);
const isoDate = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);

let server: TestServer;
let coordinator: string;
let party: Awaited<ReturnType<typeof partyWithMember>>;
let other: Awaited<ReturnType<typeof partyWithMember>>;
let department: Awaited<ReturnType<typeof departmentWithRepresentative>>;
const m: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  // The queue is compared whole, so the demo's matters are not in it.
  await server.orm.em.getConnection().execute('delete from submission');
  coordinator = await server.signIn('coordinator');
  party = await partyWithMember(server, 'Föreningen Egen');
  other = await partyWithMember(server, 'Föreningen Annan');
  department = await departmentWithRepresentative(server, 'Kulturförvaltningen');
  const soon = await councilAgendaItem(server, 3);
  const later = await councilAgendaItem(server, 10);
  const p = party.partyUuid;
  const specs: [string, Parameters<typeof matterIn>[1]][] = [
    ['draft', { party: p, status: S.DRAFT, title: 'Vårt utkast', daysAgo: 0 }],
    ['otherDraft', { party: other.partyUuid, status: S.DRAFT, title: 'Deras utkast' }],
    ['submittedNew', { party: p, status: S.SUBMITTED, daysAgo: 1 }],
    ['submittedOld', { party: other.partyUuid, status: S.SUBMITTED, daysAgo: 6 }],
    ['returned', { party: p, status: S.RETURNED, daysAgo: 2 }],
    [
      'referredLater',
      {
        party: p,
        status: S.REFERRED,
        daysAgo: 4,
        answerDueOn: isoDate(20),
        referredTo: department.departmentUuid,
        title: 'Remiss senare',
      },
    ],
    [
      'referredOverdue',
      {
        party: other.partyUuid,
        status: S.REFERRED,
        daysAgo: 30,
        answerDueOn: isoDate(-3),
        referredTo: department.departmentUuid,
        title: 'Remiss försenad',
      },
    ],
    ['registered', { party: p, status: S.REGISTERED, daysAgo: 5 }],
    ['scheduledLater', { party: p, status: S.SCHEDULED, daysAgo: 1.2, agendaItem: later }],
    ['scheduledSoon', { party: other.partyUuid, status: S.SCHEDULED, daysAgo: 2, agendaItem: soon }],
    ['answered', { party: p, status: S.ANSWERED, daysAgo: 1.4 }],
    ['closed', { party: p, status: S.CLOSED, daysAgo: 8 }],
  ];
  for (const [name, spec] of specs) m[name] = (await matterIn(server, spec)).id;
});
afterAll(() => server?.close());

describe("the party's own list", () => {
  test('its people see every matter, drafts included, newest change first, with counts per status', async () => {
    const res = await server.gql(PARTY_LIST, { partyId: party.partyId }, party.cookie);
    expect(res.errors).toBeUndefined();
    const list = res.data!.partySubmissions;
    expect(list.edges.map((e: any) => e.node.id)).toEqual([
      m.draft,
      m.submittedNew,
      m.scheduledLater,
      m.answered,
      m.returned,
      m.referredLater,
      m.registered,
      m.closed,
    ]);
    expect(list.edges[0].node).toMatchObject({ title: 'Vårt utkast', status: 'DRAFT' });
    expect(list.totalCount).toBe(8);
    expect(list.statusCounts).toEqual(
      expect.arrayContaining([
        { status: 'DRAFT', count: 1 },
        { status: 'SUBMITTED', count: 1 },
        { status: 'CLOSED', count: 1 },
      ]),
    );
    expect(list.statusCounts).toHaveLength(8);
    expect(list.liveCursor).toMatch(/^\d+$/);
  });

  test('pages and filters by status; the counts stay those of the whole list', async () => {
    const first = (await server.gql(PARTY_LIST, { partyId: party.partyId, first: 3 }, party.cookie)).data!
      .partySubmissions;
    expect(first.edges).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (
      await server.gql(
        PARTY_LIST,
        { partyId: party.partyId, first: 3, after: first.pageInfo.endCursor },
        party.cookie,
      )
    ).data!.partySubmissions;
    expect(next.edges[0].node.id).toBe(m.answered);
    const drafts = (
      await server.gql(PARTY_LIST, { partyId: party.partyId, statuses: ['DRAFT', 'RETURNED'] }, party.cookie)
    ).data!.partySubmissions;
    expect(drafts.edges.map((e: any) => e.node.id)).toEqual([m.draft, m.returned]);
    expect(drafts.totalCount).toBe(2);
    expect(drafts.statusCounts).toHaveLength(8);
  });

  test("drafts are private to the party: the coordinator sees the party's submitted matters only", async () => {
    const list = (await server.gql(PARTY_LIST, { partyId: party.partyId }, coordinator)).data!
      .partySubmissions;
    expect(list.edges.map((e: any) => e.node.id)).not.toContain(m.draft);
    expect(list.totalCount).toBe(7);
    expect(list.statusCounts.map((c: any) => c.status)).not.toContain('DRAFT');
    const drafts = (
      await server.gql(PARTY_LIST, { partyId: party.partyId, statuses: ['DRAFT'] }, coordinator)
    ).data!.partySubmissions;
    expect(drafts.edges).toEqual([]);
  });

  test('another party, the signed-out and a bad id are refused', async () => {
    const foreign = await server.gql(PARTY_LIST, { partyId: party.partyId }, other.cookie);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await server.gql(PARTY_LIST, { partyId: party.partyId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await server.gql(PARTY_LIST, { partyId: m.draft }, party.cookie);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe("the coordinator's submission queue", () => {
  test('sections in the order they are to be taken, with counts, days waiting and meetings', async () => {
    const res = await server.gql(QUEUE, {}, coordinator);
    expect(res.errors).toBeUndefined();
    const q = res.data!.submissionQueue;
    expect(q.coordinates).toBe(true);
    expect(ids(q.awaitingRegistration)).toEqual([m.submittedOld, m.submittedNew]);
    expect(q.awaitingRegistration.count).toBe(2);
    expect(q.awaitingRegistration.entries.map((e: any) => e.daysWaiting)).toEqual([6, 1]);
    expect(q.awaitingRegistration.entries[0].submission.party.name).toMatch(/^Föreningen Annan/);
    expect(ids(q.returned)).toEqual([m.returned]);
    expect(ids(q.registered)).toEqual([m.registered]);
    expect(ids(q.answered)).toEqual([m.answered]);
    expect(ids(q.scheduled)).toEqual([m.scheduledSoon, m.scheduledLater]);
    expect(q.scheduled.entries[0].meeting.startsAt < q.scheduled.entries[1].meeting.startsAt).toBe(true);
    expect(q.referredToViewer).toEqual({ count: 0, entries: [] });
  });

  test('overdue referrals come first and are flagged', async () => {
    const q = (await server.gql(QUEUE, {}, coordinator)).data!.submissionQueue;
    expect(q.referred.entries).toEqual([
      expect.objectContaining({ overdue: true, dueOn: isoDate(-3), daysWaiting: 30 }),
      expect.objectContaining({ overdue: false, dueOn: isoDate(20) }),
    ]);
    expect(ids(q.referred)).toEqual([m.referredOverdue, m.referredLater]);
    expect(q.referred.count).toBe(2);
  });

  test("the department's C-nätet representative sees what is referred to them, and nothing of the coordinator's", async () => {
    const res = await server.gql(QUEUE, {}, department.cookie);
    expect(res.errors).toBeUndefined();
    const q = res.data!.submissionQueue;
    expect(q.coordinates).toBe(false);
    expect(ids(q.referredToViewer)).toEqual([m.referredOverdue, m.referredLater]);
    expect(q.referredToViewer.entries[0]).toMatchObject({
      overdue: true,
      submission: { title: 'Remiss försenad' },
    });
    for (const section of [
      'awaitingRegistration',
      'returned',
      'referred',
      'registered',
      'scheduled',
      'answered',
    ])
      expect(q[section].count).toBe(0);
  });

  test('a party member has no queue; the signed-out are refused', async () => {
    const member = await server.gql(QUEUE, {}, party.cookie);
    expect(member.errors).toBeUndefined();
    expect(member.data!.submissionQueue).toBeNull();
    expect((await server.gql(QUEUE, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the lists cost a constant number of SQL statements', () => {
  async function statementsFor(query: string, variables: Record<string, unknown>, cookie: string) {
    const before = sqlCounter.statements;
    const res = await server.gql(query, variables, cookie);
    expect(res.errors).toBeUndefined();
    return sqlCounter.statements - before;
  }

  async function mattersOf(partyUuid: string, count: number, department: string, agendaItem: string) {
    const statuses = [S.DRAFT, S.SUBMITTED, S.REFERRED, S.SCHEDULED, S.ANSWERED, S.RETURNED];
    for (let i = 0; i < count; i++) {
      const status = statuses[i % statuses.length]!;
      await matterIn(server, {
        party: partyUuid,
        status,
        daysAgo: i % 7,
        referredTo: status === S.REFERRED ? department : null,
        answerDueOn: status === S.REFERRED ? isoDate(i - 10) : null,
        agendaItem: status === S.SCHEDULED ? agendaItem : null,
      });
    }
  }

  test('3 matters or 30: the same statements, for the party list and for the queue', async () => {
    const few = await partyWithMember(server, 'Föreningen Få');
    const many = await partyWithMember(server, 'Föreningen Många');
    const item = await councilAgendaItem(server, 5);
    const itemTwo = await councilAgendaItem(server, 6);
    await mattersOf(few.partyUuid, 3, department.departmentUuid, item);
    const listFew = await statementsFor(PARTY_LIST, { partyId: few.partyId, first: 50 }, few.cookie);
    const queueFew = await statementsFor(QUEUE, {}, coordinator);
    const handlerFew = await statementsFor(QUEUE, {}, department.cookie);
    await mattersOf(many.partyUuid, 30, department.departmentUuid, itemTwo);
    const listMany = await statementsFor(PARTY_LIST, { partyId: many.partyId, first: 50 }, many.cookie);
    const queueMany = await statementsFor(QUEUE, {}, coordinator);
    const handlerMany = await statementsFor(QUEUE, {}, department.cookie);
    expect(listMany).toBe(listFew);
    expect(queueMany).toBe(queueFew);
    expect(handlerMany).toBe(handlerFew);
    expect(listFew).toBeLessThanOrEqual(12);
    expect(queueFew).toBeLessThanOrEqual(12);
  });

  test('the sorted lists use indexes', async () => {
    const plans = await server.orm.em.fork().transactional(async (tx) => {
      const connection = tx.getConnection();
      const ctx = tx.getTransactionContext();
      const explain = async (sql: string) =>
        (await connection.execute<{ 'QUERY PLAN': string }[]>(`explain ${sql}`, [], 'all', ctx))
          .map((row) => row['QUERY PLAN'])
          .join('\n');
      // The test tables are small enough for a sequential scan; the question is whether an index serves.
      await connection.execute('set local enable_seqscan = off', [], 'run', ctx);
      return [
        await explain(
          `select * from submission where party_id = '00000000-0000-0000-0000-000000000000' order by updated_at desc limit 20`,
        ),
        await explain(
          `select * from submission where status = 'REFERRED' and referred_to_id in ('00000000-0000-0000-0000-000000000000')`,
        ),
      ];
    });
    expect(plans[0]).toContain('submission_party_id_updated_at_index');
    expect(plans[1]).toContain('submission_referred_to_id_status_index');
  });
});

describe('live', () => {
  const QUEUE_LIVE = `subscription($after: String) { submissionQueueChanged(after: $after) { cursor kind } }`;
  const PARTY_LIVE = `subscription($partyId: ID!, $after: String) { partySubmissionsChanged(partyId: $partyId, after: $after) { cursor kind } }`;

  async function register(id: string) {
    await server.orm.em.fork().transactional(async (tx) => {
      const submission = await tx.findOneOrFail(
        Submission,
        Buffer.from(id, 'base64url').toString().split(':')[1]!,
      );
      const from = submission.status;
      submission.status = S.REGISTERED;
      await recordSubmissionStep(tx, undefined, {
        submission,
        action: SubmissionAction.REGISTER,
        fromStatus: from,
        actorId: null,
      });
    });
  }

  test("a recorded step reaches the coordinator's queue and the party's list, not another party's", async () => {
    const cursor = (await server.gql(QUEUE, {}, coordinator)).data!.submissionQueue.liveCursor;
    const ownCursor = (await server.gql(PARTY_LIST, { partyId: party.partyId }, party.cookie)).data!
      .partySubmissions.liveCursor;
    const otherCursor = (await server.gql(PARTY_LIST, { partyId: other.partyId }, other.cookie)).data!
      .partySubmissions.liveCursor;
    const clients = [server.ws(coordinator), server.ws(party.cookie), server.ws(other.cookie)];
    const before = liveMetrics.subscribers;
    const queue = collect(clients[0]!, QUEUE_LIVE, { after: cursor });
    const own = collect(clients[1]!, PARTY_LIVE, { partyId: party.partyId, after: ownCursor });
    const foreign = collect(clients[2]!, PARTY_LIVE, { partyId: other.partyId, after: otherCursor });
    await until(() => liveMetrics.subscribers >= before + 3, 5000, 'three subscriptions');

    await register(m.submittedNew!);
    const [event] = await queue.waitFor(1);
    expect(event.submissionQueueChanged.kind).toBe('REGISTER');
    const [mine] = await own.waitFor(1);
    expect(mine.partySubmissionsChanged).toMatchObject({ kind: 'REGISTER' });
    await new Promise((r) => setTimeout(r, 300));
    expect(foreign.values).toEqual([]);

    const q = (await server.gql(QUEUE, {}, coordinator)).data!.submissionQueue;
    expect(ids(q.registered)).toContain(m.submittedNew);
    expect(ids(q.awaitingRegistration)).not.toContain(m.submittedNew);
    expect(BigInt(q.liveCursor)).toBeGreaterThanOrEqual(BigInt(event.submissionQueueChanged.cursor));

    for (const watch of [queue, own, foreign]) watch.dispose();
    await Promise.all(clients.map((c) => c.dispose()));
  });

  test("a rolled-back step reaches no one; the department's representative follows the queue too", async () => {
    const cursor = (await server.gql(QUEUE, {}, department.cookie)).data!.submissionQueue.liveCursor;
    const client = server.ws(department.cookie);
    const before = liveMetrics.subscribers;
    const watch = collect(client, QUEUE_LIVE, { after: cursor });
    await until(() => liveMetrics.subscribers > before, 5000, 'subscription');
    await expect(
      server.orm.em.fork().transactional(async (tx) => {
        const submission = await tx.findOneOrFail(Submission, uuidOf(m.returned!));
        await recordSubmissionStep(tx, undefined, {
          submission,
          action: null,
          actorId: null,
          text: 'Kommentar',
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await new Promise((r) => setTimeout(r, 300));
    expect(watch.values).toEqual([]);
    await register(m.registered!);
    const [event] = await watch.waitFor(1);
    expect(event.submissionQueueChanged.kind).toBe('REGISTER');
    watch.dispose();
    await client.dispose();
  });

  test("a draft one member starts reaches another member's live list, and nothing outside the party", async () => {
    const joined = await joinedParty(server, 'Föreningen Utkast');
    const colleague = await registerPerson(server);
    const em = server.orm.em.fork();
    em.create(Membership, {
      person: colleague.personId,
      party: uuidOf(joined.partyId),
      role: MembershipRole.MEMBER,
      status: MembershipStatus.ACTIVE,
    });
    await em.flush();
    const listOf = async () =>
      (await server.gql(PARTY_LIST, { partyId: joined.partyId }, colleague.cookie)).data!.partySubmissions;
    const cursor = (await listOf()).liveCursor;
    const queueCursor = (await server.gql(QUEUE, {}, coordinator)).data!.submissionQueue.liveCursor;
    const clients = [server.ws(colleague.cookie), server.ws(coordinator)];
    const before = liveMetrics.subscribers;
    const theirs = collect(clients[0]!, PARTY_LIVE, { partyId: joined.partyId, after: cursor });
    const queue = collect(clients[1]!, QUEUE_LIVE, { after: queueCursor });
    await until(() => liveMetrics.subscribers >= before + 2, 5000, 'two subscriptions');

    const draft = await draftMatter(server, joined.cookie, joined.partyId, { title: 'Nytt utkast' });
    const [created] = await theirs.waitFor(1);
    expect(created.partySubmissionsChanged.kind).toBe('CREATE_DRAFT');
    const list = await listOf();
    expect(list.edges.map((e: any) => e.node)).toContainEqual(
      expect.objectContaining({ id: draft.id, title: 'Nytt utkast', status: S.DRAFT }),
    );

    await stepOk(
      server,
      'updateSubmissionDraft',
      { submissionId: draft.id, expectedVersion: draft.version, ...draftContent({ title: 'Ändrat utkast' }) },
      joined.cookie,
    );
    const [, edited] = await theirs.waitFor(2);
    expect(edited.partySubmissionsChanged.kind).toBe('EDIT');
    await new Promise((r) => setTimeout(r, 300));
    // Drafts are private: the queue (the stream of every submitted matter) hears of neither.
    expect(queue.values).toEqual([]);

    for (const watch of [theirs, queue]) watch.dispose();
    await Promise.all(clients.map((c) => c.dispose()));
  });

  test("a member of another party cannot open the party's live list; a member cannot open the queue", async () => {
    const client = server.ws(other.cookie);
    const watch = collect(client, PARTY_LIVE, { partyId: party.partyId });
    await until(() => watch.errors.length > 0, 5000, 'refusal');
    expect(JSON.stringify(watch.errors)).toContain('FORBIDDEN');
    const queue = collect(client, QUEUE_LIVE, {});
    await until(() => queue.errors.length > 0, 5000, 'refusal');
    expect(JSON.stringify(queue.errors)).toContain('FORBIDDEN');
    const anonymous = server.ws();
    const signedOut = collect(anonymous, QUEUE_LIVE, {});
    await until(() => signedOut.errors.length > 0, 5000, 'refusal');
    expect(JSON.stringify(signedOut.errors)).toContain('UNAUTHENTICATED');
    await client.dispose();
    await anonymous.dispose();
  });
});
