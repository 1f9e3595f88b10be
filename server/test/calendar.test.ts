import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ICAL from 'ical.js';
import { MeetingStatus } from '@samverka/domain';
import { sqlCounter } from '../src/db/orm.js';
import { Forum } from '../src/forums/forum.entity.js';
import { Meeting } from '../src/meetings/meeting.entity.js';
import { toGlobalId } from '../src/graphql/node.js';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
let coordinator: string;
const DAY = 24 * 3600_000;
let otherForum: { id: string; slug: string; name: string };

const CALENDAR = `query($first: Int, $after: String, $upcoming: Boolean, $forumId: ID) {
  meetings(first: $first, after: $after, upcoming: $upcoming, forumId: $forumId) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title status startsAt forum { slug name } } }
  }
}`;

/** Meetings of another forum: three ahead, two behind, one cancelled ahead, one draft ahead. */
async function seedOtherForum() {
  const em = server.orm.em.fork();
  const forum = await em.findOneOrFail(
    Forum,
    { slug: { $ne: 'samverkansradet' } },
    { orderBy: { position: 'asc' } },
  );
  // iCalendar times have whole seconds.
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const at = (days: number, title: string, status = MeetingStatus.AGENDA_PUBLISHED) =>
    em.create(Meeting, {
      forum,
      title,
      startsAt: new Date(now + days * DAY),
      endsAt: new Date(now + days * DAY + 2 * 3600_000),
      status,
      location: 'Medborgarhuset',
    });
  at(3, 'Möte A');
  at(10, 'Möte B');
  at(20, 'Möte C');
  at(-5, 'Möte D', MeetingStatus.CLOSED);
  at(-40, 'Möte E', MeetingStatus.CLOSED);
  at(7, 'Möte F', MeetingStatus.CANCELLED);
  at(30, 'Möte G (utkast)', MeetingStatus.DRAFT);
  await em.flush();
  otherForum = { id: toGlobalId('Forum', forum.id), slug: forum.slug, name: forum.name };
}

beforeAll(async () => {
  server = await startTestServer();
  coordinator = await server.signIn('coordinator');
  await seedOtherForum();
});
afterAll(() => server?.close());

async function page(variables: Record<string, unknown>, cookie?: string) {
  const before = sqlCounter.statements;
  const res = await server.gql(CALENDAR, variables, cookie);
  expect(res.errors).toBeUndefined();
  return { ...res.data!.meetings, statements: sqlCounter.statements - before };
}

const titles = (connection: any) => connection.edges.map((edge: any) => edge.node.title);

describe('the calendar query', () => {
  test('filters by forum and splits upcoming (soonest first) from past (latest first); drafts only for those who run them', async () => {
    const upcoming = await page({ forumId: otherForum.id, upcoming: true });
    expect(titles(upcoming)).toEqual(['Möte A', 'Möte F', 'Möte B', 'Möte C']);
    expect(upcoming.edges[1].node.status).toBe('CANCELLED');
    expect(titles(await page({ forumId: otherForum.id, upcoming: false }))).toEqual(['Möte D', 'Möte E']);
    const forCoordinator = await page({ forumId: otherForum.id, upcoming: true }, coordinator);
    expect(titles(forCoordinator)).toContain('Möte G (utkast)');
    const all = await page({ forumId: otherForum.id });
    expect(all.totalCount).toBe(6);
    expect(all.edges.every((edge: any) => edge.node.forum.slug === otherForum.slug)).toBe(true);
  });

  test('pages through with cursors, and a page costs the same statements for 2 meetings as for 6', async () => {
    const first = await page({ forumId: otherForum.id, upcoming: true, first: 2 });
    expect(titles(first)).toEqual(['Möte A', 'Möte F']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page({
      forumId: otherForum.id,
      upcoming: true,
      first: 2,
      after: first.pageInfo.endCursor,
    });
    expect(titles(second)).toEqual(['Möte B', 'Möte C']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const everyForum = await page({ first: 6 });
    expect(new Set(everyForum.edges.map((edge: any) => edge.node.forum.slug)).size).toBeGreaterThan(1);
    expect(everyForum.statements).toBe(first.statements);
  });

  test('a forum id that is no forum gives an empty page', async () => {
    const none = await page({ forumId: toGlobalId('Meeting', '00000000-0000-4000-8000-000000000000') });
    expect(none.totalCount).toBe(0);
  });
});

function parse(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((event) => ({
    uid: event.getFirstPropertyValue('uid') as string,
    summary: event.getFirstPropertyValue('summary') as string,
    status: event.getFirstPropertyValue('status'),
    sequence: event.getFirstPropertyValue('sequence'),
    url: event.getFirstPropertyValue('url') as string,
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate(),
  }));
}

describe('the iCalendar feeds', () => {
  test('/kalender.ics holds every public meeting of every forum, as RFC 5545 with an ETag', async () => {
    const res = await fetch(`${server.url}/kalender.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const events = parse(await res.text());
    const summaries = events.map((event) => event.summary);
    expect(summaries).toContain('Möte A');
    expect(summaries).toContain('Samverkansrådets möte');
    expect(summaries).toContain('INSTÄLLT: Möte F');
    expect(summaries.some((summary) => summary.includes('utkast'))).toBe(false);
    expect(events.find((event) => event.summary === 'INSTÄLLT: Möte F')!.status).toBe('CANCELLED');
    expect(events.find((event) => event.summary === 'Möte A')!.url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/moten\//,
    );
    const again = await fetch(`${server.url}/kalender.ics`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  test("/kalender/<forum>.ics holds only that forum's public meetings; an unknown forum is a 404", async () => {
    const res = await fetch(`${server.url}/kalender/${otherForum.slug}.ics`);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const summaries = parse(await res.text()).map((event) => event.summary);
    expect(summaries.sort()).toEqual(['INSTÄLLT: Möte F', 'Möte A', 'Möte B', 'Möte C', 'Möte D', 'Möte E']);
    expect((await fetch(`${server.url}/kalender/finns-inte.ics`)).status).toBe(404);
  });

  test('/kalender/moten/<id>.ics downloads one meeting; a draft only for those who run it', async () => {
    const list = await page({ forumId: otherForum.id, upcoming: true }, coordinator);
    const meeting = list.edges.find((edge: any) => edge.node.title === 'Möte A').node;
    const draft = list.edges.find((edge: any) => edge.node.title === 'Möte G (utkast)').node;
    const res = await fetch(`${server.url}/kalender/moten/${meeting.id}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="mote.ics"');
    const [event] = parse(await res.text());
    expect(event!.summary).toBe('Möte A');
    expect(event!.start.toISOString()).toBe(new Date(meeting.startsAt).toISOString());
    expect((await fetch(`${server.url}/kalender/moten/${draft.id}.ics`)).status).toBe(404);
    const forCoordinator = await fetch(`${server.url}/kalender/moten/${draft.id}.ics`, {
      headers: { cookie: coordinator },
    });
    expect(forCoordinator.status).toBe(200);
    expect((await fetch(`${server.url}/kalender/moten/inte-ett-id.ics`)).status).toBe(404);
  });
});
