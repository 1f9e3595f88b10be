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
/** Samverkansrådet's members, who may take part in its meetings' speakers' lists. */
let participantIds: string[] = [];
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
  const seats = await server.orm.em
    .fork()
    .getConnection()
    .execute<{ person_id: string }[]>(
      `select person_id from council_seat s join forum f on f.id = s.forum_id
       where f.slug = 'samverkansradet' and person_id is not null and ended_at is null`,
    );
  participantIds = seats.map((seat) => seat.person_id);
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
  recordAttendance: 'RecordAttendanceInput',
  requestFloor: 'FloorInput',
  withdrawFloorRequest: 'FloorInput',
  giveFloor: 'GiveFloorInput',
  endSpeech: 'SpeakerActionInput',
  removeFloorRequest: 'SpeakerActionInput',
  setSpeakingTimeLimit: 'SetSpeakingTimeLimitInput',
};

const NO_SPEAKER = Buffer.from('Speaker:00000000-0000-0000-0000-000000000000').toString('base64url');

/** Inputs of the attendance and speakers' list mutations, which name no version. */
const FLOOR_INPUTS: Record<string, Record<string, unknown>> = {
  recordAttendance: { name: 'Gäst i matrisen', change: 'PRESENT_AT_START' },
  requestFloor: {},
  withdrawFloorRequest: {},
  giveFloor: { speakerId: NO_SPEAKER, replacing: null },
  endSpeech: { speakerId: NO_SPEAKER },
  removeFloorRequest: { speakerId: NO_SPEAKER },
  setSpeakingTimeLimit: { seconds: 120 },
};

describe.each(Object.entries(mutationRules('meeting')))('%s', (mutation, rule) => {
  test.each(ROLES)('as %s', async (role) => {
    const chairOfMeeting = ids.chair;
    const expectedAllowed = meetingPolicy[rule as keyof typeof meetingPolicy](viewerOf(role), {
      status: 'AGENDA_PUBLISHED' as never,
      chairId: chairOfMeeting,
      participantIds,
      forumId: councilId,
    });
    const meeting =
      mutation === 'publishAgenda'
        ? await draftMeeting(server, cookies.coordinator!)
        : await upcomingMeeting(server);
    const input: Record<string, unknown> = FLOOR_INPUTS[mutation]
      ? { meetingId: meeting.id, ...FLOOR_INPUTS[mutation] }
      : { meetingId: meeting.id, expectedVersion: meeting.version };
    if (INPUT_TYPES[mutation] && !FLOOR_INPUTS[mutation]) input.agendaItemId = meeting.agenda[1]!.id;
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
        'query($id: ID!) { meeting(id: $id) { version speakersVersion } }',
        { id: meeting.id },
        cookies.coordinator,
      );
      expect(after.data!.meeting).toEqual({ version: meeting.version, speakersVersion: 0 });
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
  await em.getConnection().execute(`delete from meeting_attendee where meeting_id = ?`, [id]);
  await em.getConnection().execute(
    `update meeting set status = ?::meeting_status, timer_paused = false, started_at = null, closed_at = null,
       speakers_version = 0, speaking_time_limit_seconds = null where id = ?`,
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
