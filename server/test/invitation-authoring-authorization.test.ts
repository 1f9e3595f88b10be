import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  InvitationAction,
  InvitationRole,
  InvitationStatus,
  canTakeInvitationAction,
  type InvitationKind,
} from '@samverka/domain';
import { INVITATION_AUTHORING_MUTATION_RULES } from '../src/invitations/invitation-authoring.policy.js';
import { registerPerson } from './accounts-fixtures.js';
import { mutationRules } from './policies.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import { joinedParty, partyIdByName } from './submission-fixtures.js';
import {
  INVITATION_TABLES,
  dialogueContent,
  draftInvitation,
  invitationInStatus,
  invitationStep,
  keptContent,
  publishedInvitation,
  type Posted,
} from './invitation-authoring-fixtures.js';

/**
 * Every authoring mutation against every role, signed out included: a member of the inviting party, a member
 * of an invited party, a member of a joined party the invitation is not for, the coordinator, and a signed-in
 * person of no party. The expectation comes from the rules table and the workflow table the services use:
 * "allowed" means the step was taken; "denied" means UNAUTHENTICATED or FORBIDDEN (NOT_FOUND for another
 * party's draft, which is as absent as a missing one) and nothing written.
 */
const ROLES = ['anonymous', 'inviter', 'invitee', 'notInvited', 'coordinator', 'noParty'] as const;
type Role = (typeof ROLES)[number];

let server: TestServer;
const cookies: Partial<Record<Role, string>> = {};
let vivalla: string;
let invitedPartyId: string;

beforeAll(async () => {
  server = await startTestServer();
  cookies.inviter = await server.signIn('member');
  cookies.coordinator = await server.signIn('coordinator');
  vivalla = await partyIdByName(server, 'Vivalla Kvinnoförening');
  const invited = await joinedParty(server, 'Inbjuden förening');
  cookies.invitee = invited.cookie;
  invitedPartyId = invited.partyId;
  cookies.notInvited = (await joinedParty(server, 'Ej inbjuden förening')).cookie;
  cookies.noParty = (await registerPerson(server)).cookie;
});
afterAll(() => server?.close());

const content = () => dialogueContent({ audience: 'NAMED_PARTIES', namedPartyIds: [invitedPartyId] });
const draft = () => draftInvitation(server, cookies.inviter!, vivalla, content());
const published = () => publishedInvitation(server, cookies.inviter!, vivalla, content());
const stepInput = (posted: Posted) => ({ invitationId: posted.id, expectedVersion: posted.version });

/** The invitation each mutation acts on, fresh for each call, and a valid input for it. */
const PREPARE: Record<string, () => Promise<{ posted?: Posted; input: Record<string, unknown> }>> = {
  createInvitationDraft: async () => ({ input: { partyId: vivalla, ...content() } }),
  updateInvitation: async () => {
    const posted = await draft();
    return { posted, input: { ...stepInput(posted), ...keptContent(posted, { title: 'Ny rubrik' }) } };
  },
  publishInvitation: async () => {
    const posted = await draft();
    return { posted, input: stepInput(posted) };
  },
  cancelInvitation: async () => {
    const posted = await published();
    return { posted, input: { ...stepInput(posted), reason: 'Lokalen brann.' } };
  },
  closeInvitationRegistration: async () => {
    const posted = await published();
    return { posted, input: stepInput(posted) };
  },
  markInvitationHeld: async () => {
    const posted = await published();
    return { posted, input: stepInput(posted) };
  },
  closeInvitation: async () => {
    const out = await published();
    const posted = await invitationInStatus(
      server,
      cookies.inviter!,
      out.id,
      InvitationStatus.FEEDBACK_PUBLISHED,
    );
    return { posted, input: stepInput(posted) };
  },
};

function rolesOf(role: Role): InvitationRole[] {
  switch (role) {
    case 'inviter':
      return [InvitationRole.INVITER];
    case 'coordinator':
      return [InvitationRole.COORDINATOR];
    case 'invitee':
      return [InvitationRole.INVITEE];
    default:
      return [];
  }
}

test('the matrix covers every mutation of the table', () => {
  expect(Object.keys(PREPARE).sort()).toEqual(Object.keys(INVITATION_AUTHORING_MUTATION_RULES).sort());
  expect(mutationRules('invitation')).toMatchObject(INVITATION_AUTHORING_MUTATION_RULES);
});

describe.each(Object.entries(INVITATION_AUTHORING_MUTATION_RULES))('%s', (mutation, rule) => {
  test.each(ROLES)('as %s', async (role) => {
    const { posted, input } = await PREPARE[mutation]!();
    const expectedAllowed =
      rule === 'inviteFor'
        ? role === 'inviter'
        : canTakeInvitationAction(
            posted!.kind as InvitationKind,
            posted!.status as InvitationStatus,
            rule as InvitationAction,
            rolesOf(role),
          );
    const before = await rowCounts(server, INVITATION_TABLES);
    const res = await invitationStep(server, mutation, input, cookies[role]);
    if (expectedAllowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data![mutation].errors).toEqual([]);
      expect(res.data![mutation].invitation).not.toBeNull();
      return;
    }
    if (role !== 'anonymous' && posted?.status === InvitationStatus.DRAFT) {
      expect(res.data![mutation]).toMatchObject({ invitation: null, errors: [{ code: 'NOT_FOUND' }] });
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(res.data).toBeNull();
    }
    expect(await rowCounts(server, INVITATION_TABLES)).toEqual(before);
  });
});
