import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { minutesPolicy } from '../src/minutes/minutes.policy.js';
import { DEMO_PEOPLE } from '../src/seed/demo-data.js';
import { mutationRules } from './policies.js';
import { startTestServer, type TestServer } from './helpers.js';
import { DRAFT, SEND, closedMeeting, minutesMutation, minutesTables, personId } from './minutes-fixtures.js';

/**
 * Every minutes mutation against every role, signed out included. The expectation comes from the policy table
 * the service uses; "allowed" means the request passed authorization (a payload came back, perhaps with a
 * workflow error), "denied" means UNAUTHENTICATED or FORBIDDEN and nothing written.
 */
type Role = 'anonymous' | keyof typeof DEMO_PEOPLE;
const ROLES: Role[] = ['anonymous', 'member', 'chair', 'coordinator'];

const INPUTS: Record<
  string,
  { type: string; extra?: Record<string, unknown>; state: 'closed' | 'draft' | 'sent' }
> = {
  draftMinutes: { type: 'DraftMinutesInput', state: 'closed' },
  editMinutes: { type: 'EditMinutesInput', extra: { openingNote: 'Välkomna.' }, state: 'draft' },
  sendMinutesForApproval: { type: 'MinutesStepInput', state: 'draft' },
  approveMinutes: { type: 'MinutesStepInput', state: 'sent' },
  requestMinutesCorrection: {
    type: 'RequestMinutesCorrectionInput',
    extra: { note: 'Rätta § 1.' },
    state: 'sent',
  },
  publishMinutes: { type: 'MinutesStepInput', state: 'sent' },
};

let server: TestServer;
const cookies: Partial<Record<Role, string>> = {};
const ids: Record<Role, string | null> = { anonymous: null, member: null, chair: null, coordinator: null };
let adjuster: string;

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ROLES) {
    if (role === 'anonymous') continue;
    cookies[role] = await server.signIn(role);
    ids[role] = (await server.gql('{ viewer { id } }', {}, cookies[role])).data!.viewer.id;
  }
  adjuster = await personId(server.orm.em.fork(), 'coordinator');
});
afterAll(() => server?.close());

/** A meeting in the state the mutation acts on; its adjuster is the coordinator, so the member is an outsider. */
async function meetingIn(state: 'closed' | 'draft' | 'sent'): Promise<string> {
  const meetingId = await closedMeeting(server, [adjuster]);
  if (state === 'closed') return meetingId;
  await server.gql(DRAFT, { input: { meetingId } }, cookies.chair);
  if (state === 'sent') await server.gql(SEND, { input: { meetingId, expectedVersion: 1 } }, cookies.chair);
  return meetingId;
}

describe.each(Object.entries(mutationRules('minutes')))('%s', (mutation, rule) => {
  test.each(ROLES)('as %s', async (role) => {
    const viewer =
      role === 'anonymous'
        ? null
        : {
            id: ids[role]!,
            name: '',
            email: '',
            isCoordinator: DEMO_PEOPLE[role].isCoordinator,
            sessionId: '',
            convenes: [],
          };
    const expectedAllowed = minutesPolicy[rule as keyof typeof minutesPolicy](viewer, {
      status: null,
      chairId: ids.chair,
      // None of these roles convenes a forum, so which forum does not matter.
      forumId: '',
      adjusterIds: [adjuster],
      approverIds: [],
    });
    const { type, extra, state } = INPUTS[mutation]!;
    const meetingId = await meetingIn(state);
    const input = { meetingId, ...(state === 'closed' ? {} : { expectedVersion: 1 }), ...extra };
    const before = await minutesTables(server);
    const res = await server.gql(minutesMutation(mutation, type), { input }, cookies[role]);
    if (expectedAllowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data?.[mutation]).toBeTruthy();
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(res.data).toBeNull();
      expect(await minutesTables(server)).toEqual(before);
    }
  });
});
