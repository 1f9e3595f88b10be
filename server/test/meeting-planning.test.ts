import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEXT_LIMITS } from '@samverka/domain';
import { collect, rowCounts, startTestServer, type TestServer } from './helpers.js';
import { account, createMeeting, details, forumIds, plan, MEETING_FIELDS } from './planning-fixtures.js';
import { COUNCIL_STANDARD_AGENDA } from '../src/meeting-planning/standard-agenda.seed.js';

let server: TestServer;
let coordinator: string;
let forums: { council: string; other: string };
const people: Record<'chair' | 'member' | 'coordinator', string> = { chair: '', member: '', coordinator: '' };
let convener: Awaited<ReturnType<typeof account>>;

const TABLES = [
  'meeting',
  'agenda_item',
  'meeting_adjuster',
  'standard_agenda_item',
  'forum_convener',
  'live_event',
];

beforeAll(async () => {
  server = await startTestServer();
  coordinator = await server.signIn('coordinator');
  for (const who of ['chair', 'member', 'coordinator'] as const) {
    const cookie = await server.signIn(who);
    people[who] = (await server.gql('{ viewer { id } }', {}, cookie)).data!.viewer.id;
  }
  forums = await forumIds(server);
  convener = await account(server, 'Kim Sammankallande', 'kim@example.org');
  const assigned = await plan(
    server,
    'assignForumConvener',
    { forumId: forums.council, personEmail: convener.email },
    coordinator,
  );
  expect(assigned.data!.assignForumConvener.errors).toEqual([]);
});
afterAll(() => server?.close());

async function draft(cookie = coordinator) {
  const res = await createMeeting(server, cookie, {
    forumId: forums.council,
    ...details(people.chair, [people.member]),
  });
  expect(res.data!.createMeeting.errors).toEqual([]);
  return res.data!.createMeeting.meeting;
}

async function meetingNow(id: string) {
  const res = await server.gql(
    `query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`,
    { id },
    coordinator,
  );
  return res.data!.meeting;
}

describe('creating a meeting', () => {
  test("starts from the forum's standard agenda, with its chair and adjusters", async () => {
    const meeting = await draft();
    expect(meeting.status).toBe('DRAFT');
    expect(meeting.agenda.map((item: any) => item.title)).toEqual(
      COUNCIL_STANDARD_AGENDA.map((i) => i.title),
    );
    expect(meeting.agenda.map((item: any) => item.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(meeting.chair).toEqual({ id: people.chair, name: 'Erik Holm' });
    expect(meeting.adjusters).toEqual([{ id: people.member, name: 'Maja Berg' }]);
    expect(meeting.digitalLink).toBe('https://mote.example/rad');
  });

  test('a forum without a standard agenda gives an empty agenda', async () => {
    const res = await createMeeting(server, coordinator, {
      forumId: forums.other,
      ...details(people.chair, [people.member]),
    });
    expect(res.data!.createMeeting.meeting.agenda).toEqual([]);
  });

  test("the forum's convener prepares, sees and runs its meetings", async () => {
    const meeting = await draft(convener.cookie);
    const seen = await server.gql(
      `query($id: ID!) { meeting(id: $id) { viewerCanManage viewerCanChair } forum(slug: "samverkansradet") { viewerCanManageMeetings meetings(first: 20) { edges { node { id } } } } }`,
      { id: meeting.id },
      convener.cookie,
    );
    expect(seen.data!.meeting).toEqual({ viewerCanManage: true, viewerCanChair: true });
    expect(seen.data!.forum.viewerCanManageMeetings).toBe(true);
    expect(seen.data!.forum.meetings.edges.map((e: any) => e.node.id)).toContain(meeting.id);
    const published = await server.gql(
      'mutation($input: MeetingActionInput!) { publishAgenda(input: $input) { meeting { status } errors { code } } }',
      { input: { meetingId: meeting.id, expectedVersion: meeting.version } },
      convener.cookie,
    );
    expect(published.data!.publishAgenda).toEqual({ meeting: { status: 'AGENDA_PUBLISHED' }, errors: [] });
  });

  test('the chair may run but not prepare; the draft stays hidden from members', async () => {
    const meeting = await draft();
    const chair = await server.signIn('chair');
    const asChair = await server.gql(
      `query($id: ID!) { meeting(id: $id) { viewerCanManage viewerCanChair } }`,
      { id: meeting.id },
      chair,
    );
    expect(asChair.data!.meeting).toEqual({ viewerCanManage: false, viewerCanChair: true });
    const member = await server.signIn('member');
    const asMember = await server.gql(
      `query($id: ID!) { meeting(id: $id) { id } }`,
      { id: meeting.id },
      member,
    );
    expect(asMember.data!.meeting).toBeNull();
  });
});

/** A refused change: its field errors, and not a row written (nor a live event published). */
async function refused(mutation: string, input: Record<string, unknown>, meetingId?: string) {
  const before = await rowCounts(server, TABLES);
  const meetingBefore = meetingId ? await meetingNow(meetingId) : null;
  const res = await plan(server, mutation, input, coordinator);
  expect(res.errors).toBeUndefined();
  const payload = res.data![mutation];
  expect('meeting' in payload ? payload.meeting : payload.forum).toBeNull();
  expect(await rowCounts(server, TABLES)).toEqual(before);
  if (meetingId) expect(await meetingNow(meetingId)).toEqual(meetingBefore);
  return res.data![mutation].errors.map((error: any) => [error.field.slice(1).join('.'), error.code]);
}

describe('bad input is a field error and writes nothing', () => {
  const past = new Date(Date.now() - 3600 * 1000).toISOString();
  const cases: [string, (d: ReturnType<typeof details>) => object, [string, string][]][] = [
    ['a start in the past', (d) => ({ ...d, startsAt: past }), [['startsAt', 'INVALID']]],
    ['an end before the start', (d) => ({ ...d, endsAt: d.startsAt }), [['endsAt', 'INVALID']]],
    [
      'a link that is not http(s)',
      (d) => ({ ...d, digitalLink: 'javascript:alert(1)' }),
      [['digitalLink', 'INVALID']],
    ],
    [
      'a chair without an account',
      (d) => ({ ...d, chairId: crypto.randomUUID() }),
      [['chairId', 'NOT_FOUND']],
    ],
    ['a chair id that is no id', (d) => ({ ...d, chairId: 'Erik' }), [['chairId', 'NOT_FOUND']]],
    ['no adjuster', (d) => ({ ...d, adjusterIds: [] }), [['adjusterIds', 'REQUIRED']]],
    [
      'an adjuster without an account',
      (d) => ({ ...d, adjusterIds: [crypto.randomUUID()] }),
      [['adjusterIds', 'NOT_FOUND']],
    ],
    [
      'three adjusters',
      (d) => ({ ...d, adjusterIds: [people.member, people.coordinator, crypto.randomUUID()] }),
      [['adjusterIds', 'INVALID']],
    ],
    ['the chair as adjuster', (d) => ({ ...d, adjusterIds: [people.chair] }), [['adjusterIds', 'INVALID']]],
    [
      'one adjuster twice',
      (d) => ({ ...d, adjusterIds: [people.member, people.member] }),
      [['adjusterIds', 'INVALID']],
    ],
    ['a blank title', (d) => ({ ...d, title: '  ' }), [['title', 'REQUIRED']]],
    [
      'a title over its limit',
      (d) => ({ ...d, title: 'x'.repeat(TEXT_LIMITS.meetingTitle + 1) }),
      [['title', 'TOO_LONG']],
    ],
    [
      'accessibility over its limit',
      (d) => ({ ...d, accessibility: 'x'.repeat(TEXT_LIMITS.accessibility + 1) }),
      [['accessibility', 'TOO_LONG']],
    ],
    [
      'neither place nor link',
      (d) => ({ ...d, location: '', digitalLink: null }),
      [['location', 'REQUIRED']],
    ],
    ['a control character', (d) => ({ ...d, title: 'Möte\u0000' }), [['title', 'INVALID']]],
  ];

  test.each(cases)('createMeeting: %s', async (_name, change, errors) => {
    const input = { forumId: forums.council, ...change(details(people.chair, [people.member])) };
    expect(await refused('createMeeting', input)).toEqual(errors);
  });

  test('createMeeting: a forum that does not exist', async () => {
    const input = { forumId: 'bm9wZQ', ...details(people.chair, [people.member]) };
    expect(await refused('createMeeting', input)).toEqual([['forumId', 'NOT_FOUND']]);
  });

  test.each(cases)('updateMeeting: %s', async (_name, change, errors) => {
    const meeting = await draft();
    const input = {
      meetingId: meeting.id,
      expectedVersion: meeting.version,
      ...change(details(people.chair, [people.member], 9)),
    };
    expect(await refused('updateMeeting', input, meeting.id)).toEqual(errors);
  });

  test('updateMeeting keeps a start that has passed unless it is changed', async () => {
    const meeting = await draft();
    const em = server.orm.em.fork();
    const uuid = Buffer.from(meeting.id, 'base64url').toString().split(':')[1];
    await em
      .getConnection()
      .execute(`update meeting set starts_at = now() - interval '1 hour' where id = ?`, [uuid]);
    const { startsAt } = await meetingNow(meeting.id);
    const res = await plan(
      server,
      'updateMeeting',
      {
        meetingId: meeting.id,
        expectedVersion: meeting.version,
        ...details(people.chair, [people.member]),
        startsAt,
        title: 'Nytt namn',
      },
      coordinator,
    );
    expect(res.data!.updateMeeting.errors).toEqual([]);
    expect(res.data!.updateMeeting.meeting.title).toBe('Nytt namn');
  });

  test('cancelMeeting: no reason, or too long a one', async () => {
    const meeting = await draft();
    const edit = { meetingId: meeting.id, expectedVersion: meeting.version };
    expect(await refused('cancelMeeting', { ...edit, reason: ' ' }, meeting.id)).toEqual([
      ['reason', 'REQUIRED'],
    ]);
    expect(
      await refused('cancelMeeting', { ...edit, reason: 'x'.repeat(TEXT_LIMITS.reason + 1) }, meeting.id),
    ).toEqual([['reason', 'TOO_LONG']]);
  });

  const item = { title: 'Ny punkt', kind: 'DISCUSSION', presenter: 'Samira Lind', plannedMinutes: 10 };
  const itemCases: [string, object, [string, string][]][] = [
    ['a blank title', { title: '' }, [['title', 'REQUIRED']]],
    [
      'a title over its limit',
      { title: 'x'.repeat(TEXT_LIMITS.agendaItemTitle + 1) },
      [['title', 'TOO_LONG']],
    ],
    ['no planned minutes', { plannedMinutes: 0 }, [['plannedMinutes', 'INVALID']]],
    ['more than a day', { plannedMinutes: 481 }, [['plannedMinutes', 'INVALID']]],
    [
      'a description over its limit',
      { description: 'x'.repeat(TEXT_LIMITS.description + 1) },
      [['description', 'TOO_LONG']],
    ],
    ['an activity that does not exist', { activityId: 'bm9wZQ' }, [['activityId', 'NOT_FOUND']]],
    ['a control character', { presenter: 'Samira\u0007' }, [['presenter', 'INVALID']]],
  ];

  test.each([
    ...itemCases,
    ['a position that does not exist', { position: 8 }, [['position', 'INVALID']]],
  ] as const)('addAgendaItem: %s', async (_name, change, errors) => {
    const meeting = await draft();
    const input = { meetingId: meeting.id, expectedVersion: meeting.version, ...item, ...change };
    expect(await refused('addAgendaItem', input, meeting.id)).toEqual(errors);
  });

  test.each(itemCases)('updateAgendaItem: %s', async (_name, change, errors) => {
    const meeting = await draft();
    const input = {
      meetingId: meeting.id,
      expectedVersion: meeting.version,
      agendaItemId: meeting.agenda[2].id,
      ...item,
      ...change,
    };
    expect(await refused('updateAgendaItem', input, meeting.id)).toEqual(errors);
  });

  test('update, remove and move: an item of another meeting', async () => {
    const meeting = await draft();
    const other = await draft();
    const edit = {
      meetingId: meeting.id,
      expectedVersion: meeting.version,
      agendaItemId: other.agenda[0].id,
    };
    expect(await refused('updateAgendaItem', { ...edit, ...item }, meeting.id)).toEqual([
      ['agendaItemId', 'NOT_FOUND'],
    ]);
    expect(await refused('removeAgendaItem', edit, meeting.id)).toEqual([['agendaItemId', 'NOT_FOUND']]);
    expect(await refused('moveAgendaItem', { ...edit, position: 1 }, meeting.id)).toEqual([
      ['agendaItemId', 'NOT_FOUND'],
    ]);
  });

  test.each([0, 7, -1])('moveAgendaItem to position %s, which does not exist', async (position) => {
    const meeting = await draft();
    const input = {
      meetingId: meeting.id,
      expectedVersion: meeting.version,
      agendaItemId: meeting.agenda[0].id,
      position,
    };
    expect(await refused('moveAgendaItem', input, meeting.id)).toEqual([['position', 'INVALID']]);
  });

  test('a stale version', async () => {
    const meeting = await draft();
    const input = {
      meetingId: meeting.id,
      expectedVersion: meeting.version - 1,
      agendaItemId: meeting.agenda[0].id,
    };
    expect(await refused('removeAgendaItem', input, meeting.id)).toEqual([
      ['expectedVersion', 'STALE_VERSION'],
    ]);
  });

  test.each([
    [
      'addStandardAgendaItem',
      () => ({ forumId: forums.council, ...item, plannedMinutes: 0 }),
      [['plannedMinutes', 'INVALID']],
    ],
    [
      'addStandardAgendaItem',
      () => ({ forumId: forums.council, ...item, position: 99 }),
      [['position', 'INVALID']],
    ],
    [
      'addStandardAgendaItem',
      () => ({ forumId: forums.council, ...item, title: '\u0000' }),
      [['title', 'INVALID']],
    ],
    [
      'updateStandardAgendaItem',
      (id: string) => ({ standardAgendaItemId: id, ...item, title: ' ' }),
      [['title', 'REQUIRED']],
    ],
    [
      'moveStandardAgendaItem',
      (id: string) => ({ standardAgendaItemId: id, position: 0 }),
      [['position', 'INVALID']],
    ],
    [
      'moveStandardAgendaItem',
      (id: string) => ({ standardAgendaItemId: id, position: 99 }),
      [['position', 'INVALID']],
    ],
    [
      'removeStandardAgendaItem',
      () => ({ standardAgendaItemId: 'bm9wZQ' }),
      [['standardAgendaItemId', 'NOT_FOUND']],
    ],
  ] as const)('%s: %j', async (mutation, input, errors) => {
    const first = (await standardAgenda(forums.council))[0].id;
    expect(await refused(mutation, input(first))).toEqual(errors);
  });

  test.each([
    [
      'assignForumConvener',
      () => ({ forumId: forums.council, personEmail: 'nobody@example.org' }),
      [['personEmail', 'NOT_FOUND']],
    ],
    [
      'assignForumConvener',
      () => ({ forumId: forums.council, personEmail: convener.email }),
      [['personEmail', 'DUPLICATE']],
    ],
    [
      'assignForumConvener',
      () => ({ forumId: 'bm9wZQ', personEmail: convener.email }),
      [['forumId', 'NOT_FOUND']],
    ],
    [
      'removeForumConvener',
      () => ({ forumId: forums.other, personId: convener.id }),
      [['personId', 'NOT_FOUND']],
    ],
    ['removeForumConvener', () => ({ forumId: forums.council, personId: 'x' }), [['personId', 'NOT_FOUND']]],
  ] as const)('%s: %j', async (mutation, input, errors) => {
    expect(await refused(mutation, input())).toEqual(errors);
  });
});

async function standardAgenda(forumId: string) {
  const res = await server.gql(
    'query($id: ID!) { node(id: $id) { ... on Forum { standardAgenda { id position title } } } }',
    { id: forumId },
  );
  return res.data!.node.standardAgenda;
}

describe('building the agenda', () => {
  test('add, update, move and remove keep positions 1..n; each change is a live event', async () => {
    const meeting = await draft();
    const client = server.ws(coordinator);
    const events = collect(
      client,
      'subscription($id: ID!) { meetingChanged(meetingId: $id) { kind meeting { version } } }',
      { id: meeting.id },
    );
    const edit = (m: any) => ({ meetingId: m.id, expectedVersion: m.version });
    let m = meeting;
    m = (
      await plan(
        server,
        'addAgendaItem',
        {
          ...edit(m),
          title: 'Budget 2027',
          kind: 'DECISION',
          plannedMinutes: 20,
          position: 4,
          activityId: null,
        },
        coordinator,
      )
    ).data!.addAgendaItem.meeting;
    expect(m.agenda.map((i: any) => [i.position, i.title])[3]).toEqual([4, 'Budget 2027']);
    const budget = m.agenda[3].id;
    m = (
      await plan(
        server,
        'updateAgendaItem',
        {
          ...edit(m),
          agendaItemId: budget,
          title: 'Budget 2027 och 2028',
          kind: 'DISCUSSION',
          presenter: 'Ekonomichefen',
          plannedMinutes: 25,
          description: 'Underlag skickas ut i förväg.',
        },
        coordinator,
      )
    ).data!.updateAgendaItem.meeting;
    expect(m.agenda[3]).toMatchObject({
      title: 'Budget 2027 och 2028',
      kind: 'DISCUSSION',
      plannedMinutes: 25,
      presenter: 'Ekonomichefen',
    });
    m = (await plan(server, 'moveAgendaItem', { ...edit(m), agendaItemId: budget, position: 1 }, coordinator))
      .data!.moveAgendaItem.meeting;
    expect(m.agenda[0].id).toBe(budget);
    m = (await plan(server, 'removeAgendaItem', { ...edit(m), agendaItemId: m.agenda[1].id }, coordinator))
      .data!.removeAgendaItem.meeting;
    expect(m.agenda.map((i: any) => i.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(m.agenda[0].id).toBe(budget);
    expect(m.version).toBe(meeting.version + 4);
    await events.waitFor(4);
    expect(events.values.map((v: any) => v.meetingChanged.kind)).toEqual([
      'AGENDA_CHANGED',
      'AGENDA_CHANGED',
      'AGENDA_CHANGED',
      'AGENDA_CHANGED',
    ]);
    events.dispose();
    await client.dispose();
  });

  test('two reorders at once: one wins, the other is told the meeting changed; no position is taken twice', async () => {
    const meeting = await draft();
    const move = (item: number, position: number) =>
      plan(
        server,
        'moveAgendaItem',
        {
          meetingId: meeting.id,
          expectedVersion: meeting.version,
          agendaItemId: meeting.agenda[item].id,
          position,
        },
        coordinator,
      );
    const results = await Promise.all([move(0, 6), move(5, 1)]);
    const errors = results.map((res) => res.data!.moveAgendaItem.errors.map((e: any) => e.code));
    expect(errors.sort()).toEqual([[], ['STALE_VERSION']]);
    const after = await meetingNow(meeting.id);
    expect(after.version).toBe(meeting.version + 1);
    expect(after.agenda.map((i: any) => i.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(after.agenda.map((i: any) => i.id)).size).toBe(6);
  });

  test('a started, held or cancelled meeting is not edited any more', async () => {
    const meeting = await draft();
    const cancelled = await plan(
      server,
      'cancelMeeting',
      { meetingId: meeting.id, expectedVersion: meeting.version, reason: 'Lokalen är inte tillgänglig.' },
      coordinator,
    );
    const m = cancelled.data!.cancelMeeting.meeting;
    expect(m).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Lokalen är inte tillgänglig.' });
    expect(m.cancelledAt).toBeTruthy();
    const edit = { meetingId: m.id, expectedVersion: m.version };
    expect(await refused('cancelMeeting', { ...edit, reason: 'Igen' }, m.id)).toEqual([
      ['', 'INVALID_TRANSITION'],
    ]);
    expect(
      await refused('moveAgendaItem', { ...edit, agendaItemId: m.agenda[0].id, position: 2 }, m.id),
    ).toEqual([['', 'INVALID_TRANSITION']]);
    const start = await server.gql(
      'mutation($input: MeetingActionInput!) { startMeeting(input: $input) { errors { code } } }',
      { input: edit },
      coordinator,
    );
    expect(start.data!.startMeeting.errors).toEqual([{ code: 'INVALID_TRANSITION' }]);
  });
});

describe('the standard agenda', () => {
  test('is seeded for Samverkansrådet and edited; new meetings start from it as it is now', async () => {
    expect((await standardAgenda(forums.council)).map((i: any) => i.title)).toEqual(
      COUNCIL_STANDARD_AGENDA.map((i) => i.title),
    );
    const added = await plan(
      server,
      'addStandardAgendaItem',
      { forumId: forums.other, title: 'Mötets öppnande', kind: 'FORMALITY', plannedMinutes: 2 },
      convener.cookie,
    );
    expect(added.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const add = (title: string, position?: number) =>
      plan(
        server,
        'addStandardAgendaItem',
        { forumId: forums.other, title, kind: 'FORMALITY', plannedMinutes: 2, position },
        coordinator,
      );
    await add('Mötets avslutande');
    await add('Mötets öppnande', 1);
    await add('Val av justerare', 2);
    let items = await standardAgenda(forums.other);
    expect(items.map((i: any) => [i.position, i.title])).toEqual([
      [1, 'Mötets öppnande'],
      [2, 'Val av justerare'],
      [3, 'Mötets avslutande'],
    ]);
    await plan(
      server,
      'moveStandardAgendaItem',
      { standardAgendaItemId: items[2].id, position: 2 },
      coordinator,
    );
    await plan(
      server,
      'updateStandardAgendaItem',
      {
        standardAgendaItemId: items[0].id,
        title: 'Öppnande',
        kind: 'FORMALITY',
        plannedMinutes: 3,
        description: 'Ordföranden hälsar välkommen.',
      },
      coordinator,
    );
    await plan(server, 'removeStandardAgendaItem', { standardAgendaItemId: items[1].id }, coordinator);
    items = await standardAgenda(forums.other);
    expect(items.map((i: any) => [i.position, i.title])).toEqual([
      [1, 'Öppnande'],
      [2, 'Mötets avslutande'],
    ]);
    const res = await createMeeting(server, coordinator, {
      forumId: forums.other,
      ...details(people.chair, [people.member]),
    });
    expect(
      res.data!.createMeeting.meeting.agenda.map((i: any) => [
        i.position,
        i.title,
        i.plannedMinutes,
        i.description,
      ]),
    ).toEqual([
      [1, 'Öppnande', 3, 'Ordföranden hälsar välkommen.'],
      [2, 'Mötets avslutande', 2, null],
    ]);
  });
});

describe('conveners and the people to pick', () => {
  test('the coordinator sees the conveners; removing the role takes the right away at once', async () => {
    const temp = await account(server, 'Tove Tillfällig', 'tove@example.org');
    await plan(
      server,
      'assignForumConvener',
      { forumId: forums.other, personEmail: 'TOVE@example.org ' },
      coordinator,
    );
    const list = await server.gql(
      'query($id: ID!) { node(id: $id) { ... on Forum { conveners { id name email } } } }',
      { id: forums.other },
      coordinator,
    );
    expect(list.data!.node.conveners).toEqual([
      { id: temp.id, name: 'Tove Tillfällig', email: 'tove@example.org' },
    ]);
    const hidden = await server.gql(
      'query($id: ID!) { node(id: $id) { ... on Forum { conveners { id } } } }',
      { id: forums.other },
      temp.cookie,
    );
    expect(hidden.data!.node.conveners).toBeNull();
    const input = { forumId: forums.other, ...details(people.chair, [people.member]) };
    expect((await createMeeting(server, temp.cookie, input)).data!.createMeeting.errors).toEqual([]);
    await plan(server, 'removeForumConvener', { forumId: forums.other, personId: temp.id }, coordinator);
    expect((await createMeeting(server, temp.cookie, input)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test("the forum's members come first, then other accounts; a search narrows", async () => {
    const query =
      'query($forumId: ID!, $search: String) { meetingPersonOptions(forumId: $forumId, search: $search) { id name forumMember organisation } }';
    const all = (await server.gql(query, { forumId: forums.council }, convener.cookie)).data!
      .meetingPersonOptions;
    const members = all.filter((p: any) => p.forumMember).map((p: any) => p.name);
    expect(members).toEqual(['Erik Holm', 'Samira Lind']);
    expect(all.slice(0, 2).map((p: any) => p.name)).toEqual(members);
    expect(all.map((p: any) => p.name)).toContain('Maja Berg');
    const found = (await server.gql(query, { forumId: forums.council, search: 'maj' }, convener.cookie)).data!
      .meetingPersonOptions;
    expect(found.map((p: any) => p.name)).toEqual(['Maja Berg']);
    const member = await server.signIn('member');
    expect((await server.gql(query, { forumId: forums.council }, member)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await server.gql(query, { forumId: forums.council })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
