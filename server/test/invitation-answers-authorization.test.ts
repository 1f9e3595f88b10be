import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  InvitationAction,
  InvitationKind,
  InvitationRole,
  InvitationStatus,
  canTakeInvitationAction,
} from '@samverka/domain';
import { OCCASION_REGISTRATION_MUTATION_RULES } from '../src/invitations/occasion-registration.policy.js';
import { INVITATION_REPLIES_MUTATION_RULES } from '../src/invitations/invitation-replies.policy.js';
import { mutationRules } from './policies.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import {
  ANSWER_TABLES,
  answer,
  dialogue,
  partyMember,
  plainAccount,
  register,
  type Member,
} from './invitation-answers-fixtures.js';

/**
 * Every answer mutation against every role, signed out included: a signed-in person of no party, a member of an
 * invited party, a member of a joined party not invited, a member of the inviting party, and the coordinator.
 * The expectation comes from the rules tables and the workflow table the services use: "allowed" means the
 * answer was taken; "denied" means UNAUTHENTICATED or FORBIDDEN, and nothing written.
 */
const ROLES = ['anonymous', 'noParty', 'invited', 'notInvited', 'inviter', 'coordinator'] as const;
type Role = (typeof ROLES)[number];

const RULES = { ...OCCASION_REGISTRATION_MUTATION_RULES, ...INVITATION_REPLIES_MUTATION_RULES };

let server: TestServer;
const cookies: Partial<Record<Role, string>> = {};
let inviter: Member;
let invited: Member;

beforeAll(async () => {
  server = await startTestServer();
  inviter = await partyMember(server, { name: 'Bjudande förvaltningen' });
  invited = await partyMember(server, { name: 'Inbjudna föreningen' });
  cookies.inviter = inviter.cookie;
  cookies.invited = invited.cookie;
  cookies.notInvited = (await partyMember(server, { name: 'Ej inbjudna föreningen' })).cookie;
  cookies.noParty = await plainAccount(server);
  cookies.coordinator = await server.signIn('coordinator');
});
afterAll(() => server?.close());

/** A fresh published dialogue for the invited party, and a valid input for each mutation. */
const PREPARE: Record<string, () => Promise<Record<string, unknown>>> = {
  registerForOccasion: async () => {
    const invitation = await dialogue(server, inviter, { named: [invited] });
    return {
      occasionId: invitation.occasionIds[0],
      partyId: invited.partyId,
      participants: [{ name: 'Ada', needs: 'Hörslinga' }],
    };
  },
  cancelOccasionParticipant: async () => {
    const invitation = await dialogue(server, inviter, { named: [invited] });
    const done = await register(server, invited, invitation.occasionIds[0]!, ['Ada']);
    return { participantId: done.participants[0].id };
  },
  changeOccasionCapacity: async () => {
    const invitation = await dialogue(server, inviter, { named: [invited] });
    return { occasionId: invitation.occasionIds[0], capacity: 20 };
  },
  giveInvitationInput: async () => {
    const invitation = await dialogue(server, inviter, { named: [invited] });
    return { invitationId: invitation.id, partyId: invited.partyId, text: 'Våra synpunkter.' };
  },
  declineInvitation: async () => {
    const invitation = await dialogue(server, inviter, { named: [invited] });
    return { invitationId: invitation.id, partyId: invited.partyId, reason: 'Ingen möjlighet.' };
  },
};

function rolesOf(role: Role): InvitationRole[] {
  switch (role) {
    case 'inviter':
      return [InvitationRole.INVITER];
    case 'invited':
      return [InvitationRole.INVITEE];
    case 'coordinator':
      return [InvitationRole.COORDINATOR];
    default:
      return [];
  }
}

function allowed(rule: string, role: Role): boolean {
  if (rule === 'cancelParticipant') return role === 'invited' || role === 'inviter';
  return canTakeInvitationAction(
    InvitationKind.DIALOGUE,
    InvitationStatus.PUBLISHED,
    rule as InvitationAction,
    rolesOf(role),
  );
}

test('the matrix covers every mutation of the tables', () => {
  expect(Object.keys(PREPARE).sort()).toEqual(Object.keys(RULES).sort());
  expect(mutationRules('invitation')).toMatchObject(RULES);
});

describe.each(Object.entries(RULES))('%s', (mutation, rule) => {
  test.each(ROLES)('as %s', async (role) => {
    const input = await PREPARE[mutation]!();
    const before = await rowCounts(server, ANSWER_TABLES);
    const res = await answer(server, mutation, input, cookies[role]);
    if (allowed(rule, role)) {
      expect(res.errors).toBeUndefined();
      expect(res.data![mutation].errors).toEqual([]);
      return;
    }
    expect(res.errors?.[0]?.extensions?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    expect(res.data).toBeNull();
    expect(await rowCounts(server, ANSWER_TABLES)).toEqual(before);
  });
});
