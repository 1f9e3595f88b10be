import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { meetingPolicy } from '../src/meetings/meeting.policy.js';
import { mutationRules } from './policies.js';
import { DEMO_PEOPLE } from '../src/seed/demo-data.js';
import { draftMeeting, startTestServer, upcomingMeeting, type TestServer } from './helpers.js';

/**
 * Every mutation against every role, signed out included. The expectation comes from the policy table the
 * services use, evaluated for each role; "allowed" means the request passed authorization (a payload came
 * back, perhaps with a workflow error), "denied" means UNAUTHENTICATED or FORBIDDEN and nothing written.
 */
type Role = 'anonymous' | keyof typeof DEMO_PEOPLE;
const ROLES: Role[] = ['anonymous', 'member', 'chair', 'coordinator'];

let server: TestServer;
const cookies: Partial<Record<Role, string>> = {};
const ids: Record<Role, string | null> = { anonymous: null, member: null, chair: null, coordinator: null };
let councilId: string;

beforeAll(async () => {
  server = await startTestServer();
  const [council] = await server.orm.em
    .fork()
    .getConnection()
    .execute(`select id from forum where slug = 'samverkansradet'`);
  councilId = council!.id;
  for (const role of ROLES) {
    if (role === 'anonymous') continue;
    cookies[role] = await server.signIn(role);
    ids[role] = (await server.gql('{ viewer { id } }', {}, cookies[role])).data!.viewer.id;
  }
});
afterAll(() => server?.close());

function viewerOf(role: Role) {
  if (role === 'anonymous') return null;
  return {
    id: ids[role]!,
    name: '',
    email: '',
    isCoordinator: DEMO_PEOPLE[role].isCoordinator,
    convenes: [],
    sessionId: '',
  };
}

const INPUT_TYPES: Record<string, string> = {
  makeAgendaItemCurrent: 'AgendaItemActionInput',
  deferAgendaItem: 'AgendaItemActionInput',
  completeAgendaItem: 'AgendaItemActionInput',
  recordAgendaItemOutcome: 'RecordAgendaItemOutcomeInput',
};

describe.each(Object.entries(mutationRules('meeting')))('%s', (mutation, rule) => {
  test.each(ROLES)('as %s', async (role) => {
    const chairOfMeeting = ids.chair;
    const expectedAllowed = meetingPolicy[rule as keyof typeof meetingPolicy](viewerOf(role), {
      status: 'AGENDA_PUBLISHED' as never,
      chairId: chairOfMeeting,
      forumId: councilId,
    });
    const meeting =
      mutation === 'publishAgenda'
        ? await draftMeeting(server, cookies.coordinator!)
        : await upcomingMeeting(server);
    const input: Record<string, unknown> = { meetingId: meeting.id, expectedVersion: meeting.version };
    if (INPUT_TYPES[mutation]) input.agendaItemId = meeting.agenda[1]!.id;
    if (mutation === 'recordAgendaItemOutcome') input.minute = 'Anteckning';
    const res = await server.gql(
      `mutation($input: ${INPUT_TYPES[mutation] ?? 'MeetingActionInput'}!) { ${mutation}(input: $input) { meeting { version } errors { code } } }`,
      { input },
      cookies[role],
    );
    if (expectedAllowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data?.[mutation]).toBeTruthy();
      // Put the meeting back where it was, so every role meets the same state.
      if (res.data?.[mutation].errors.length === 0) await resetMeeting(meeting.id, meeting.status);
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(res.data).toBeNull();
      const after = await server.gql(
        'query($id: ID!) { meeting(id: $id) { version } }',
        { id: meeting.id },
        cookies.coordinator,
      );
      expect(after.data!.meeting.version).toBe(meeting.version);
    }
  });
});

async function resetMeeting(meetingId: string, status: string) {
  const em = server.orm.em.fork();
  const id = Buffer.from(meetingId, 'base64url').toString().split(':')[1];
  await em
    .getConnection()
    .execute(
      `update agenda_item set status = 'PENDING', timer_started_at = null, elapsed_seconds = 0, decision = null, minute = null where meeting_id = ?`,
      [id],
    );
  await em
    .getConnection()
    .execute(
      `update meeting set status = ?::meeting_status, timer_paused = false, started_at = null, closed_at = null where id = ?`,
      [status, id],
    );
}

describe('accounts', () => {
  test('signing out needs a session', async () => {
    const res = await server.gql('mutation { signOut { signedOut } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test.each(['member', 'chair', 'coordinator'] as const)(
    '%s may sign out, which ends only that session',
    async (role) => {
      const cookie = await server.signIn(role);
      const res = await server.gql('mutation { signOut { signedOut errors { code } } }', {}, cookie);
      expect(res.data!.signOut).toEqual({ signedOut: true, errors: [] });
      expect((await server.gql('{ viewer { id } }', {}, cookie)).data!.viewer).toBeNull();
      expect((await server.gql('{ viewer { id } }', {}, cookies[role])).data!.viewer).not.toBeNull();
    },
  );
});
