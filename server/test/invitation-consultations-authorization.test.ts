import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  InvitationAction,
  InvitationKind,
  InvitationRole,
  InvitationStatus,
  canTakeInvitationAction,
} from '@samverka/domain';
import { CONSULTATION_RESPONSE_MUTATION_RULES } from '../src/invitations/consultation-responses.policy.js';
import { CONSULTATION_COMPILATION_MUTATION_RULES } from '../src/invitations/consultation-compilation.policy.js';
import { registerPerson } from './accounts-fixtures.js';
import { mutationRules } from './policies.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import { joinedParty } from './submission-fixtures.js';
import {
  CONSULTATION_TABLES,
  consultation,
  consultationStep,
  consultationStepOk,
  passDeadline,
  responseInput,
  versionOf,
  type Consultation,
} from './consultation-fixtures.js';

/**
 * Every response and compilation mutation against every role, signed out included: a member of a party the
 * consultation is for, a member of a joined party it is not for, a member of the inviting party, the
 * coordinator, and a signed-in person of no party. The expectation comes from the rules tables and the
 * workflow table the services use: "allowed" means the step was taken; "denied" means UNAUTHENTICATED or
 * FORBIDDEN and nothing written.
 */
const ROLES = ['anonymous', 'noParty', 'invited', 'notInvited', 'inviter', 'coordinator'] as const;
type Role = (typeof ROLES)[number];

const RULES = { ...CONSULTATION_RESPONSE_MUTATION_RULES, ...CONSULTATION_COMPILATION_MUTATION_RULES };

let server: TestServer;
const cookies: Partial<Record<Role, string>> = {};
const partyIds: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ['invited', 'notInvited', 'inviter'] as const) {
    const party = await joinedParty(server, `Part ${role}`);
    cookies[role] = party.cookie;
    partyIds[role] = party.partyId;
  }
  cookies.coordinator = await server.signIn('coordinator');
  cookies.noParty = (await registerPerson(server)).cookie;
});
afterAll(() => server?.close());

const fresh = () =>
  consultation(server, { inviterId: partyIds.inviter!, namedPartyIds: [partyIds.invited!] });

/** A consultation past its deadline with the invited party's response; the response's id. */
async function answered(): Promise<{ target: Consultation; responseId: string }> {
  const target = await fresh();
  const saved = await consultationStepOk(
    server,
    'saveConsultationResponse',
    responseInput(target, partyIds.invited!),
    cookies.invited,
  );
  await passDeadline(server, target);
  return { target, responseId: saved.response.id };
}

/** The consultation each mutation acts on, fresh for each call, and a valid input for it by role. */
const PREPARE: Record<
  string,
  (role: Role) => Promise<{ status: InvitationStatus; input: Record<string, unknown> }>
> = {
  saveConsultationResponse: async (role) => {
    const target = await fresh();
    const partyId = role === 'notInvited' || role === 'inviter' ? partyIds[role]! : partyIds.invited!;
    return { status: InvitationStatus.PUBLISHED, input: responseInput(target, partyId) };
  },
  judgeConsultationResponse: async () => {
    const { target, responseId } = await answered();
    return {
      status: InvitationStatus.DEADLINE_PASSED,
      input: {
        responseId,
        expectedVersion: await versionOf(server, target, cookies.inviter),
        verdict: 'NOT_ADOPTED',
        verdictReason: 'Budgeten räcker inte.',
        positions: [],
      },
    };
  },
  publishConsultationCompilation: async () => {
    const { target, responseId } = await answered();
    await consultationStepOk(
      server,
      'judgeConsultationResponse',
      {
        responseId,
        expectedVersion: await versionOf(server, target, cookies.inviter),
        verdict: 'ADOPTED',
        positions: [],
      },
      cookies.inviter,
    );
    return {
      status: InvitationStatus.DEADLINE_PASSED,
      input: {
        invitationId: target.id,
        expectedVersion: await versionOf(server, target, cookies.inviter),
        summary: 'Svaren har vägts in i planen.',
      },
    };
  },
};

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

// The invitation policy also holds the other parts' tables, each with its own matrix.
test('the matrix covers every mutation of the tables', () => {
  expect(Object.keys(PREPARE).sort()).toEqual(Object.keys(RULES).sort());
  expect(mutationRules('invitation')).toMatchObject(RULES);
});

describe.each(Object.entries(RULES))('%s', (mutation, rule) => {
  test.each(ROLES)('as %s', async (role) => {
    const { status, input } = await PREPARE[mutation]!(role);
    const expectedAllowed = canTakeInvitationAction(
      InvitationKind.CONSULTATION,
      status,
      rule as InvitationAction,
      rolesOf(role),
    );
    const before = await rowCounts(server, CONSULTATION_TABLES);
    const res = await consultationStep(server, mutation, input, cookies[role]);
    if (expectedAllowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data![mutation].errors).toEqual([]);
      expect(res.data![mutation].invitation).not.toBeNull();
      return;
    }
    expect(res.errors?.[0]?.extensions?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    expect(res.data).toBeNull();
    expect(await rowCounts(server, CONSULTATION_TABLES)).toEqual(before);
  });
});
