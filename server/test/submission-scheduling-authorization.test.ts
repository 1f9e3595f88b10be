import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  SUBMISSION_SCHEDULING_MUTATION_RULES,
  submissionSchedulingPolicy,
} from '../src/submissions/submission-scheduling.policy.js';
import { Submission } from '../src/submissions/submission.entity.js';
import { SubmissionRole, SubmissionStatus } from '@samverka/domain';
import { mutationRules } from './policies.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import { account, createMeeting, details, forumIds, plan } from './planning-fixtures.js';
import { registeredMatter, schedule, unschedule } from './submission-scheduling-fixtures.js';

/**
 * Every scheduling mutation against every role, signed out included: a member of the submitting party, the
 * coordinator, a convener of Samverkansrådet, the chair (of the meeting, no convener) and someone else signed
 * in. The expectation comes from the rule table the service uses; "allowed" means the change was made, "denied"
 * means UNAUTHENTICATED or FORBIDDEN and nothing written.
 */
const ROLES = ['anonymous', 'member', 'coordinator', 'convener', 'chair', 'other'] as const;
type Role = (typeof ROLES)[number];

let server: TestServer;
const cookies: Partial<Record<Role, string>> = {};
const ids: Partial<Record<Role, string>> = {};
const TABLES = ['submission', 'submission_event', 'agenda_item', 'meeting_notice', 'live_event'];

beforeAll(async () => {
  server = await startTestServer();
  const forums = await forumIds(server);
  for (const role of ['member', 'chair', 'coordinator'] as const) {
    cookies[role] = await server.signIn(role);
    ids[role] = (await server.gql('{ viewer { id } }', {}, cookies[role])).data!.viewer.id;
  }
  const convener = await account(server, 'Sammankallande rådet', 'sammankallande.rad@example.org');
  cookies.convener = convener.cookie;
  ids.convener = convener.id;
  const assigned = await plan(
    server,
    'assignForumConvener',
    { forumId: forums.council, personEmail: convener.email },
    cookies.coordinator,
  );
  expect(assigned.data!.assignForumConvener.errors).toEqual([]);
  const other = await account(server, 'Någon annan', 'nagon.annan@example.org');
  cookies.other = other.cookie;
});
afterAll(() => server?.close());

function rolesOf(role: Role): SubmissionRole[] {
  if (role === 'coordinator' || role === 'convener') return [SubmissionRole.COORDINATOR];
  if (role === 'member') return [SubmissionRole.SUBMITTER];
  return [];
}

async function councilDraft() {
  const forums = await forumIds(server);
  const res = await createMeeting(server, cookies.coordinator!, {
    forumId: forums.council,
    ...details(ids.chair!, [ids.member!]),
  });
  return res.data!.createMeeting.meeting as { id: string };
}

/** A valid input for each mutation, on fresh state. */
const INPUTS: Record<string, () => Promise<Record<string, unknown>>> = {
  scheduleSubmission: async () => {
    const matter = await registeredMatter(server);
    const meeting = await councilDraft();
    return { submissionId: matter.id, expectedVersion: matter.version, meetingId: meeting.id };
  },
  unscheduleSubmission: async () => {
    const matter = await registeredMatter(server);
    const meeting = await councilDraft();
    const res = await schedule(
      server,
      { submissionId: matter.id, expectedVersion: matter.version, meetingId: meeting.id },
      cookies.coordinator,
    );
    expect(res.data!.scheduleSubmission.errors).toEqual([]);
    const scheduled = await server.orm.em.fork().findOneOrFail(Submission, matter.uuid);
    expect(scheduled.status).toBe(SubmissionStatus.SCHEDULED);
    return { submissionId: matter.id, expectedVersion: scheduled.version };
  },
};

const RUN: Record<string, typeof schedule> = {
  scheduleSubmission: schedule,
  unscheduleSubmission: unschedule,
};

test('the matrix covers every scheduling mutation, and the table is listed under the submission policy', () => {
  expect(Object.keys(INPUTS).sort()).toEqual(Object.keys(SUBMISSION_SCHEDULING_MUTATION_RULES).sort());
  expect(mutationRules('submission')).toMatchObject(SUBMISSION_SCHEDULING_MUTATION_RULES);
});

describe.each(Object.entries(SUBMISSION_SCHEDULING_MUTATION_RULES))('%s', (mutation, rule) => {
  test.each(ROLES)('as %s', async (role) => {
    const expectedAllowed = role !== 'anonymous' && submissionSchedulingPolicy[rule](rolesOf(role));
    const input = await INPUTS[mutation]!();
    const before = await rowCounts(server, TABLES);
    const res = await RUN[mutation]!(server, input, cookies[role]);
    if (expectedAllowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data![mutation].errors).toEqual([]);
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(res.data).toBeNull();
      expect(await rowCounts(server, TABLES)).toEqual(before);
    }
  });
});
