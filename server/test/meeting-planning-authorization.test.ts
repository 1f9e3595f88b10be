import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { meetingPolicy } from '../src/meetings/meeting.policy.js';
import type { Viewer } from '../src/graphql/context.js';
import { mutationRules } from './policies.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import { account, createMeeting, details, forumIds, plan } from './planning-fixtures.js';

/**
 * Every mutation that prepares meetings against every role, signed out included: a member of the forum, the
 * convener of another forum, the forum's convener, the chair and the coordinator. The expectation comes from
 * the policy table the services use; "allowed" means the change was made, "denied" means UNAUTHENTICATED or
 * FORBIDDEN and nothing written.
 */
const ROLES = ['anonymous', 'member', 'otherConvener', 'convener', 'chair', 'coordinator'] as const;
type Role = (typeof ROLES)[number];

let server: TestServer;
let forums: { council: string; other: string };
const cookies: Partial<Record<Role, string>> = {};
const ids: Partial<Record<Role, string>> = {};
const TABLES = [
  'meeting',
  'agenda_item',
  'meeting_adjuster',
  'standard_agenda_item',
  'forum_convener',
  'live_event',
];

function uuidOf(globalId: string) {
  return Buffer.from(globalId, 'base64url').toString().split(':')[1]!;
}

beforeAll(async () => {
  server = await startTestServer();
  forums = await forumIds(server);
  for (const role of ['member', 'chair', 'coordinator'] as const) {
    cookies[role] = await server.signIn(role);
    ids[role] = (await server.gql('{ viewer { id } }', {}, cookies[role])).data!.viewer.id;
  }
  for (const [role, forum] of [
    ['convener', forums.council],
    ['otherConvener', forums.other],
  ] as const) {
    const person = await account(server, `Sammankallande ${role}`, `${role.toLowerCase()}@example.org`);
    cookies[role] = person.cookie;
    ids[role] = person.id;
    await plan(
      server,
      'assignForumConvener',
      { forumId: forum, personEmail: person.email },
      cookies.coordinator,
    );
  }
});
afterAll(() => server?.close());

function viewerOf(role: Role): Viewer | null {
  if (role === 'anonymous') return null;
  const convenes = { convener: [uuidOf(forums.council)], otherConvener: [uuidOf(forums.other)] } as Partial<
    Record<Role, string[]>
  >;
  return {
    id: ids[role]!,
    name: '',
    email: '',
    isCoordinator: role === 'coordinator',
    convenes: convenes[role] ?? [],
    sessionId: '',
  };
}

async function draft() {
  const res = await createMeeting(server, cookies.coordinator!, {
    forumId: forums.council,
    ...details(ids.chair!, [ids.member!]),
  });
  return res.data!.createMeeting.meeting;
}

async function firstStandardItem() {
  const res = await server.gql(
    'query($id: ID!) { node(id: $id) { ... on Forum { standardAgenda { id } } } }',
    {
      id: forums.council,
    },
  );
  return res.data!.node.standardAgenda[0].id as string;
}

const item = { title: 'Punkt', kind: 'INFORMATION', plannedMinutes: 5 };

/** A valid input for each mutation, on fresh state; `undo` puts back what an allowed call changed. */
const INPUTS: Record<
  string,
  () => Promise<{ input: Record<string, unknown>; undo?: () => Promise<unknown> }>
> = {
  createMeeting: async () => ({ input: { forumId: forums.council, ...details(ids.chair!, [ids.member!]) } }),
  updateMeeting: async () => {
    const m = await draft();
    return {
      input: { meetingId: m.id, expectedVersion: m.version, ...details(ids.chair!, [ids.member!], 8) },
    };
  },
  cancelMeeting: async () => {
    const m = await draft();
    return { input: { meetingId: m.id, expectedVersion: m.version, reason: 'Sjukdom.' } };
  },
  addAgendaItem: async () => {
    const m = await draft();
    return { input: { meetingId: m.id, expectedVersion: m.version, ...item } };
  },
  updateAgendaItem: async () => {
    const m = await draft();
    return { input: { meetingId: m.id, expectedVersion: m.version, agendaItemId: m.agenda[0].id, ...item } };
  },
  removeAgendaItem: async () => {
    const m = await draft();
    return { input: { meetingId: m.id, expectedVersion: m.version, agendaItemId: m.agenda[0].id } };
  },
  moveAgendaItem: async () => {
    const m = await draft();
    return {
      input: { meetingId: m.id, expectedVersion: m.version, agendaItemId: m.agenda[0].id, position: 2 },
    };
  },
  addStandardAgendaItem: async () => ({ input: { forumId: forums.council, ...item, position: 1 } }),
  updateStandardAgendaItem: async () => ({
    input: { standardAgendaItemId: await firstStandardItem(), ...item, title: 'Mötets öppnande' },
  }),
  removeStandardAgendaItem: async () => {
    const res = await plan(
      server,
      'addStandardAgendaItem',
      { forumId: forums.council, ...item },
      cookies.coordinator,
    );
    expect(res.data!.addStandardAgendaItem.errors).toEqual([]);
    const all = await server.gql(
      'query($id: ID!) { node(id: $id) { ... on Forum { standardAgenda { id } } } }',
      {
        id: forums.council,
      },
    );
    return { input: { standardAgendaItemId: all.data!.node.standardAgenda.at(-1).id } };
  },
  moveStandardAgendaItem: async () => ({
    input: { standardAgendaItemId: await firstStandardItem(), position: 2 },
  }),
  assignForumConvener: async () => ({
    input: { forumId: forums.council, personEmail: 'forening@samverka.example' },
    undo: () =>
      plan(
        server,
        'removeForumConvener',
        { forumId: forums.council, personId: ids.member },
        cookies.coordinator,
      ),
  }),
  removeForumConvener: async () => {
    await plan(
      server,
      'assignForumConvener',
      { forumId: forums.council, personEmail: 'forening@samverka.example' },
      cookies.coordinator,
    );
    return {
      input: { forumId: forums.council, personId: ids.member },
      undo: async () => undefined,
      cleanUp: () =>
        plan(
          server,
          'removeForumConvener',
          { forumId: forums.council, personId: ids.member },
          cookies.coordinator,
        ),
    };
  },
};

test('the matrix covers every mutation of the table', () => {
  expect(Object.keys(INPUTS).sort()).toEqual(Object.keys(mutationRules('meeting-planning')).sort());
});

describe.each(Object.entries(mutationRules('meeting-planning')))('%s', (mutation, rule) => {
  test.each(ROLES)('as %s', async (role) => {
    const expectedAllowed = meetingPolicy[rule as keyof typeof meetingPolicy](viewerOf(role), {
      status: 'DRAFT' as never,
      chairId: ids.chair!,
      forumId: uuidOf(forums.council),
    });
    const prepared = (await INPUTS[mutation]!()) as Awaited<ReturnType<(typeof INPUTS)[string]>> & {
      cleanUp?: () => Promise<unknown>;
    };
    const before = await rowCounts(server, TABLES);
    const res = await plan(server, mutation, prepared.input, cookies[role]);
    if (expectedAllowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data![mutation].errors).toEqual([]);
      await prepared.undo?.();
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(res.data).toBeNull();
      expect(await rowCounts(server, TABLES)).toEqual(before);
      await prepared.cleanUp?.();
    }
  });
});
