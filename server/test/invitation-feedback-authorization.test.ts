import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  InvitationAudience,
  InvitationRole,
  InvitationStatus,
  canTakeInvitationAction,
  type InvitationAction,
} from '@samverka/domain';
import { INVITATION_FEEDBACK_MUTATION_RULES } from '../src/invitations/invitation-feedback.policy.js';
import { registerPerson, uuidOf } from './accounts-fixtures.js';
import { mutationRules } from './policies.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import { joinedParty } from './submission-fixtures.js';
import { FEEDBACK_TABLES, invitationRow, publishFeedback } from './invitation-feedback-fixtures.js';

/**
 * Every feedback mutation against every role, signed out included: a signed-in person of no party, a member of
 * a party the invitation is for, a member of a joined party it is not for, a member of the inviting party and
 * the coordinator. The expectation comes from the rules table and the workflow table the service uses:
 * "allowed" means the feedback was published; "denied" means UNAUTHENTICATED or FORBIDDEN and nothing written.
 */
const ROLES = ['anonymous', 'plainAccount', 'invited', 'notInvited', 'inviter', 'coordinator'] as const;
type Role = (typeof ROLES)[number];

let server: TestServer;
const cookies: Partial<Record<Role, string>> = {};
let inviterParty: string;
let invitedParty: string;

beforeAll(async () => {
  server = await startTestServer();
  cookies.coordinator = await server.signIn('coordinator');
  cookies.plainAccount = (await registerPerson(server)).cookie;
  const inviter = await joinedParty(server, 'Fritidsförvaltningen');
  cookies.inviter = inviter.cookie;
  inviterParty = uuidOf(inviter.partyId);
  const invited = await joinedParty(server, 'Inbjuden förening');
  cookies.invited = invited.cookie;
  invitedParty = uuidOf(invited.partyId);
  cookies.notInvited = (await joinedParty(server, 'Annan förening')).cookie;
});
afterAll(() => server?.close());

/** A held dialogue for the invited party alone, fresh for each call, and a valid input for it. */
const PREPARE: Record<string, () => Promise<{ status: InvitationStatus; input: Record<string, unknown> }>> = {
  publishInvitationFeedback: async () => {
    const invitation = await invitationRow(server, inviterParty, {
      status: InvitationStatus.HELD,
      audience: InvitationAudience.NAMED_PARTIES,
      namedPartyIds: [invitedParty],
    });
    return {
      status: InvitationStatus.HELD,
      input: {
        invitationId: invitation.globalId,
        expectedVersion: invitation.version,
        text: 'Era synpunkter om öppettider finns med i förslaget.',
      },
    };
  },
};

/** The workflow roles each role has on an invitation of the inviting party for the invited party. */
function rolesOf(role: Role): InvitationRole[] {
  switch (role) {
    case 'inviter':
      return [InvitationRole.INVITER];
    case 'coordinator':
      return [InvitationRole.COORDINATOR];
    case 'invited':
      return [InvitationRole.INVITEE];
    default:
      return [];
  }
}

test('the matrix covers every mutation of the table', () => {
  expect(Object.keys(PREPARE).sort()).toEqual(Object.keys(INVITATION_FEEDBACK_MUTATION_RULES).sort());
  expect(mutationRules('invitation')).toMatchObject(INVITATION_FEEDBACK_MUTATION_RULES);
});

describe.each(Object.entries(INVITATION_FEEDBACK_MUTATION_RULES))('%s', (mutation, rule) => {
  test.each(ROLES)('as %s', async (role) => {
    const { status, input } = await PREPARE[mutation]!();
    const expectedAllowed = canTakeInvitationAction(
      'DIALOGUE',
      status,
      rule as InvitationAction,
      rolesOf(role),
    );
    const before = await rowCounts(server, FEEDBACK_TABLES);
    const res = await publishFeedback(server, input, cookies[role]);
    if (expectedAllowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data![mutation].errors).toEqual([]);
      expect(res.data![mutation].invitation).not.toBeNull();
      return;
    }
    expect(res.errors?.[0]?.extensions?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    expect(res.data).toBeNull();
    expect(await rowCounts(server, FEEDBACK_TABLES)).toEqual(before);
  });
});
