import { afterAll, beforeAll, expect, test } from 'vitest';
import { AgendaItemKind, MeetingStatus } from '@samverka/domain';
import { sqlCounter } from '../src/db/orm.js';
import { Meeting } from '../src/meetings/meeting.entity.js';
import { AgendaItem } from '../src/meetings/agenda-item.entity.js';
import { Forum } from '../src/forums/forum.entity.js';
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

async function statementsFor(query: string, variables: Record<string, unknown>) {
  const before = sqlCounter.statements;
  const res = await server.gql(query, variables);
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

test("the live and meeting pages' meeting query is one statement, live cursor included", async () => {
  const id = await meetingWithItems(12);
  const live = `query($id: ID!) { meeting(id: $id) { id title startsAt location status version liveCursor startedAt closedAt timerPaused forum { id slug name } currentItem { id } agenda { id position title kind presenter plannedMinutes status elapsedSeconds timerStartedAt } } }`;
  const page = `query($id: ID!) { meeting(id: $id) { id version summary chairName viewerCanChair liveCursor agenda { decision minute activity { id number title } } } }`;
  expect(await statementsFor(live, { id })).toBe(1);
  expect(await statementsFor(page, { id })).toBe(1);
});
