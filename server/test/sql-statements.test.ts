import { afterAll, beforeAll, expect, test } from 'vitest';
import { AccessionStatus, AgendaItemKind, MeetingStatus, PartyKind } from '@samverka/domain';
import { sqlCounter } from '../src/db/orm.js';
import { Meeting } from '../src/meetings/meeting.entity.js';
import { AgendaItem } from '../src/meetings/agenda-item.entity.js';
import { Forum } from '../src/forums/forum.entity.js';
import { Party } from '../src/parties/party.entity.js';
import { Accession } from '../src/accession/accession.entity.js';
import { toGlobalId } from '../src/graphql/node.js';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function meetingWithItems(count: number): Promise<string> {
  const em = server.orm.em.fork();
  const forum = await em.findOneOrFail(Forum, { slug: 'samverkansradet' });
  const meeting = em.create(Meeting, {
    forum,
    title: `Möte med ${count} punkter`,
    startsAt: new Date(),
    endsAt: new Date(Date.now() + 2 * 3600 * 1000),
    status: MeetingStatus.AGENDA_PUBLISHED,
  });
  for (let i = 1; i <= count; i++) {
    em.create(AgendaItem, {
      meeting,
      position: i,
      title: `Punkt ${i}`,
      kind: AgendaItemKind.DISCUSSION,
      plannedMinutes: 5,
    });
  }
  await em.flush();
  return toGlobalId('Meeting', meeting.id);
}

const AGENDA_QUERY = `query($id: ID!) { meeting(id: $id) { id title status forum { name } agenda { id position title kind presenter plannedMinutes status activity { number } } currentItem { id } } }`;

async function statementsFor(query: string, variables: Record<string, unknown>, cookie?: string) {
  const before = sqlCounter.statements;
  const res = await server.gql(query, variables, cookie);
  expect(res.errors).toBeUndefined();
  return sqlCounter.statements - before;
}

test('the agenda of a meeting costs the same SQL statements with 5 items as with 100, and at most 2', async () => {
  const five = await statementsFor(AGENDA_QUERY, { id: await meetingWithItems(5) });
  const hundred = await statementsFor(AGENDA_QUERY, { id: await meetingWithItems(100) });
  expect(five).toBe(hundred);
  expect(five).toBeLessThanOrEqual(2);
});

test('a list of meetings with their agendas costs a constant number of statements', async () => {
  const query = `{ meetings(first: 3) { edges { node { id forum { name } agenda { title activity { number } } } } } }`;
  const few = await statementsFor(query.replace('first: 3', 'first: 2'), {});
  const more = await statementsFor(query.replace('first: 3', 'first: 6'), {});
  expect(more).toBe(few);
});

// The request's snapshot (taken for any document that selects a cursor) and one statement of plain rows.
test("the live and meeting pages' meeting query is two statements, live cursor and speakers included", async () => {
  const id = await meetingWithItems(12);
  const live = `query($id: ID!) { meeting(id: $id) { id title startsAt location status version liveCursor startedAt closedAt timerPaused forum { id slug name } currentItem { id } agenda { id position title kind presenter plannedMinutes status elapsedSeconds timerStartedAt } speakersVersion speakers { timeLimitSeconds speaking { id name organisation personId status requestedAt startedAt } queue { id name personId status requestedAt } } } }`;
  const page = `query($id: ID!) { meeting(id: $id) { id version summary chairName viewerCanChair liveCursor agenda { decision minute activity { id number title } } } }`;
  expect(await statementsFor(live, { id })).toBe(2);
  expect(await statementsFor(page, { id })).toBe(2);
});

/** Networks (no organisationsnummer) named after `list`, each with an accession in the given state. */
async function partiesWith(list: string, count: number, status: AccessionStatus) {
  const em = server.orm.em.fork();
  for (let i = 1; i <= count; i++) {
    const party = em.create(Party, {
      name: `${list} ${i}`,
      kind: PartyKind.NETWORK,
      networkConfirmedAt: new Date(),
    });
    em.create(Accession, {
      party,
      status,
      decidedAt: status === AccessionStatus.APPROVED ? new Date() : null,
      affirmsDemocraticOrganisation: true,
      affirmsValues: true,
      affirmsPrinciples: true,
      affirmsCommitments: true,
    });
  }
  await em.flush();
}

const PARTY_FACTS = 'joinedOn viewerIsContact accession { status decidedAt party { name } }';
const REGISTER = `query($search: String) { parties(search: $search, first: 50) { totalCount edges { node { id name kind sector areasOfInterest ${PARTY_FACTS} } } } }`;

test('the public register costs the same statements for 3 parties as for 40, signed out and in', async () => {
  await partiesWith('Trelistan', 3, AccessionStatus.APPROVED);
  await partiesWith('Fyrtiolistan', 40, AccessionStatus.APPROVED);
  const coordinator = await server.signIn('coordinator');
  for (const cookie of [undefined, coordinator]) {
    const three = await statementsFor(REGISTER, { search: 'Trelistan' }, cookie);
    const forty = await statementsFor(REGISTER, { search: 'Fyrtiolistan' }, cookie);
    expect(forty).toBe(three);
  }
});

test("the coordinator's queue costs the same statements for 3 requests as for 40", async () => {
  await partiesWith('Kön', 40, AccessionStatus.REQUESTED);
  const coordinator = await server.signIn('coordinator');
  const queue = (first: number) =>
    `{ coordinatorQueueCursor unconfirmedNetworks { id name } pendingAccessions(first: ${first}) { totalCount edges { node { id status version party { id name kind sector ${PARTY_FACTS} } } } } }`;
  const three = await statementsFor(queue(3), {}, coordinator);
  const forty = await statementsFor(queue(40), {}, coordinator);
  expect(forty).toBe(three);
});
