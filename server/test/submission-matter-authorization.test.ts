import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  SUBMISSION_MATTER_MUTATION_RULES,
  submissionMatterPolicy,
} from '../src/submissions/submission-matter.policy.js';
import { viewerSubmissionFacts } from '../src/submissions/submission-access.js';
import { Submission } from '../src/submissions/submission.entity.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import {
  MATTER_MUTATIONS,
  MATTER_ROLES,
  createMatter,
  matterMutation,
  matterPeople,
  viewerOf,
  type MatterPeople,
} from './submission-matter-fixtures.js';

/**
 * Every mutation of the matter's page against every role, signed out included. The expectation comes from the
 * rules table and the policy the service uses; "allowed" means a payload without errors came back, "denied"
 * means UNAUTHENTICATED or FORBIDDEN and nothing written.
 */
const TABLES = ['submission_message', 'submission_event', 'submission_follow', 'live_event'];

let server: TestServer;
let people: MatterPeople;
beforeAll(async () => {
  server = await startTestServer();
  people = await matterPeople(server);
});
afterAll(() => server?.close());

describe.each(Object.entries(SUBMISSION_MATTER_MUTATION_RULES))('%s', (mutation, rule) => {
  test.each(MATTER_ROLES)('as %s', async (role) => {
    const matter = await createMatter(server, people);
    const em = server.orm.em.fork();
    const viewer = viewerOf(people, role);
    const submission = await em.findOneOrFail(Submission, matter.uuid);
    const expectedAllowed = viewer
      ? submissionMatterPolicy[rule](await viewerSubmissionFacts(em, viewer), submission)
      : false;
    const input = {
      submissionId: matter.id,
      ...(MATTER_MUTATIONS[mutation]!.body ? { body: 'Hur går det med ärendet?' } : {}),
    };
    const before = await rowCounts(server, TABLES);
    const res = await matterMutation(
      server,
      mutation,
      input,
      people.cookies[role as keyof MatterPeople['cookies']],
    );
    if (expectedAllowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data?.[mutation]).toMatchObject({ errors: [], submission: { id: matter.id } });
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(res.data).toBeNull();
      expect(await rowCounts(server, TABLES)).toEqual(before);
    }
  });
});

test('the matrix expects what the issue says of each role', async () => {
  const matter = await createMatter(server, people);
  const em = server.orm.em.fork();
  const submission = await em.findOneOrFail(Submission, matter.uuid);
  const allowed: Record<string, string[]> = {};
  for (const [mutation, rule] of Object.entries(SUBMISSION_MATTER_MUTATION_RULES)) {
    allowed[mutation] = [];
    for (const role of MATTER_ROLES) {
      const viewer = viewerOf(people, role);
      const facts = await viewerSubmissionFacts(server.orm.em.fork(), viewer);
      if (viewer && submissionMatterPolicy[rule](facts, submission)) allowed[mutation]!.push(role);
    }
  }
  expect(allowed).toEqual({
    postSubmissionMessage: ['party', 'coordinator'],
    addSubmissionNote: ['coordinator', 'council'],
    commentOnSubmission: ['coordinator'],
    followSubmission: ['party', 'otherParty', 'coordinator', 'council', 'nobody'],
    unfollowSubmission: ['party', 'otherParty', 'coordinator', 'council', 'nobody'],
  });
});
