import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  SubmissionAction,
  SubmissionRole,
  SubmissionStatus,
  canTakeSubmissionAction,
} from '@samverka/domain';
import { SUBMISSION_LIFECYCLE_MUTATION_RULES } from '../src/submissions/submission-lifecycle.policy.js';
import { registerPerson } from './accounts-fixtures.js';
import { mutationRules } from './policies.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import {
  SUBMISSION_TABLES,
  daysFromToday,
  departmentWithRepresentative,
  draftContent,
  draftMatter,
  joinedParty,
  partyIdByName,
  referredMatter,
  registeredMatter,
  stepOk,
  submissionStep,
  submittedMatter,
  type Matter,
} from './submission-fixtures.js';

/**
 * Every workflow mutation of a matter against every role, signed out included: a member of the submitting
 * party, a member of another joined party, the coordinator, the C-nätet representative of the department the
 * matter is referred to, and a signed-in person of no party. The expectation comes from the rules table and
 * the workflow table the services use: "allowed" means the step was taken; "denied" means UNAUTHENTICATED or
 * FORBIDDEN (NOT_FOUND for another party's draft, which is as absent as a missing one) and nothing written.
 */
const ROLES = ['anonymous', 'submitter', 'otherParty', 'coordinator', 'handler', 'noParty'] as const;
type Role = (typeof ROLES)[number];

let server: TestServer;
const cookies: Partial<Record<Role, string>> = {};
let vivalla: string;
let otherPartyId: string;
let departmentId: string;

beforeAll(async () => {
  server = await startTestServer();
  cookies.submitter = await server.signIn('member');
  cookies.coordinator = await server.signIn('coordinator');
  vivalla = await partyIdByName(server, 'Vivalla Kvinnoförening');
  const other = await joinedParty(server, 'Annan förening');
  cookies.otherParty = other.cookie;
  otherPartyId = other.partyId;
  const department = await departmentWithRepresentative(server, cookies.coordinator);
  cookies.handler = department.cookie;
  departmentId = department.departmentId;
  cookies.noParty = (await registerPerson(server)).cookie;
});
afterAll(() => server?.close());

const parties = () => ({ party: cookies.submitter!, coordinator: cookies.coordinator! });

/** The matter each mutation acts on, fresh for each call, and a valid input for it. */
const PREPARE: Record<string, () => Promise<{ matter?: Matter; input: Record<string, unknown> }>> = {
  createSubmissionDraft: async () => ({ input: { partyId: vivalla, ...draftContent() } }),
  updateSubmissionDraft: async () => {
    const matter = await draftMatter(server, cookies.submitter!, vivalla);
    return {
      matter,
      input: { submissionId: matter.id, expectedVersion: matter.version, ...draftContent({ title: 'Ny' }) },
    };
  },
  submitSubmission: async () => {
    const matter = await draftMatter(server, cookies.submitter!, vivalla);
    return { matter, input: { submissionId: matter.id, expectedVersion: matter.version } };
  },
  withdrawSubmission: async () => {
    const matter = await submittedMatter(server, cookies.submitter!, vivalla);
    return { matter, input: { submissionId: matter.id, expectedVersion: matter.version, reason: 'Löst.' } };
  },
  returnSubmissionForCompletion: async () => {
    const matter = await submittedMatter(server, cookies.submitter!, vivalla);
    return {
      matter,
      input: { submissionId: matter.id, expectedVersion: matter.version, reason: 'Komplettera.' },
    };
  },
  registerSubmission: async () => {
    const matter = await submittedMatter(server, cookies.submitter!, vivalla);
    return { matter, input: { submissionId: matter.id, expectedVersion: matter.version } };
  },
  declineSubmission: async () => {
    const matter = await submittedMatter(server, cookies.submitter!, vivalla);
    return {
      matter,
      input: { submissionId: matter.id, expectedVersion: matter.version, reason: 'Utanför.' },
    };
  },
  referSubmission: async () => {
    const matter = await registeredMatter(server, parties(), vivalla);
    return {
      matter,
      input: {
        submissionId: matter.id,
        expectedVersion: matter.version,
        departmentId,
        answerDueOn: daysFromToday(10),
      },
    };
  },
  answerSubmissionInWriting: async () => {
    const matter = await referredMatter(server, parties(), vivalla, departmentId);
    return { matter, input: { submissionId: matter.id, expectedVersion: matter.version, answer: 'Svar.' } };
  },
  closeSubmission: async () => {
    const referred = await referredMatter(server, parties(), vivalla, departmentId);
    const matter = await stepOk(
      server,
      'answerSubmissionInWriting',
      { submissionId: referred.id, expectedVersion: referred.version, answer: 'Svar.' },
      cookies.coordinator,
    );
    return { matter, input: { submissionId: matter.id, expectedVersion: matter.version } };
  },
  cosignSubmission: async () => {
    const matter = await submittedMatter(server, cookies.submitter!, vivalla);
    return { matter, input: { submissionId: matter.id, partyId: otherPartyId } };
  },
  decideSubmissionPublication: async () => {
    const matter = await submittedMatter(server, cookies.submitter!, vivalla, { requestsRestriction: true });
    return {
      matter,
      input: { submissionId: matter.id, expectedVersion: matter.version, publication: 'RESTRICTED' },
    };
  },
};

/** The workflow roles a role has on the matter (the co-signing party is the other party). */
function rolesOf(role: Role, matter: Matter): SubmissionRole[] {
  switch (role) {
    case 'submitter':
      return [SubmissionRole.SUBMITTER];
    case 'coordinator':
      return [SubmissionRole.COORDINATOR];
    case 'otherParty':
      return [SubmissionRole.SUPPORTER];
    case 'handler':
      return matter.referredTo ? [SubmissionRole.HANDLER] : [];
    default:
      return [];
  }
}

// The submission policy also holds the matter's and the scheduling's tables, each with its own matrix.
test('the matrix covers every mutation of the table', () => {
  expect(Object.keys(PREPARE).sort()).toEqual(Object.keys(SUBMISSION_LIFECYCLE_MUTATION_RULES).sort());
  expect(mutationRules('submission')).toMatchObject(SUBMISSION_LIFECYCLE_MUTATION_RULES);
});

describe.each(Object.entries(SUBMISSION_LIFECYCLE_MUTATION_RULES))('%s', (mutation, rule) => {
  test.each(ROLES)('as %s', async (role) => {
    const { matter, input } = await PREPARE[mutation]!();
    const expectedAllowed =
      rule === 'draftFor'
        ? role === 'submitter'
        : canTakeSubmissionAction(
            matter!.status as SubmissionStatus,
            rule as SubmissionAction,
            rolesOf(role, matter!),
          );
    const before = await rowCounts(server, SUBMISSION_TABLES);
    const res = await submissionStep(server, mutation, input, cookies[role]);
    if (expectedAllowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data![mutation].errors).toEqual([]);
      expect(res.data![mutation].submission).not.toBeNull();
      return;
    }
    if (role !== 'anonymous' && matter?.status === SubmissionStatus.DRAFT) {
      expect(res.data![mutation]).toMatchObject({ submission: null, errors: [{ code: 'NOT_FOUND' }] });
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(res.data).toBeNull();
    }
    expect(await rowCounts(server, SUBMISSION_TABLES)).toEqual(before);
  });
});
