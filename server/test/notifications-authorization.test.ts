import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SubmissionAction, SubmissionStatus } from '@samverka/domain';
import { notificationPolicy } from '../src/notifications/notification.policy.js';
import { DEMO_PEOPLE } from '../src/seed/demo-data.js';
import { mutationRules } from './policies.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import { join, matter, party, takeStep } from './notification-fixtures.js';

/**
 * Every notification mutation against every role, signed out included. The expectation comes from the policy
 * table the service uses; "allowed" means a payload came back without errors, "denied" that the request was
 * refused (UNAUTHENTICATED signed out, NOT_FOUND for another person's notification) and nothing written.
 */
type Role = 'anonymous' | keyof typeof DEMO_PEOPLE;
const ROLES: Role[] = ['anonymous', 'member', 'chair', 'coordinator'];

const MUTATIONS: Record<
  string,
  { document: string; input?: (notificationId: string) => Record<string, unknown> }
> = {
  markNotificationRead: {
    document: `mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) { errors { code } } }`,
    input: (notificationId) => ({ notificationId }),
  },
  markAllNotificationsRead: {
    document: `mutation { markAllNotificationsRead { errors { code } } }`,
  },
  setNotificationPreference: {
    document: `mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { errors { code } } }`,
    input: () => ({ kind: 'SUBMISSION_STEP', delivery: 'DAILY' }),
  },
  setLanguage: {
    document: `mutation($input: SetLanguageInput!) { setLanguage(input: $input) { errors { code } } }`,
    input: () => ({ language: 'EN' }),
  },
};

const TABLES = ['notification', 'notification_preference'];

let server: TestServer;
const cookies: Partial<Record<Role, string>> = {};
const ids: Record<Role, string | null> = { anonymous: null, member: null, chair: null, coordinator: null };
/** One unread notification of the member's, to be marked by each role. */
let notificationOfMember: () => Promise<string>;

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ROLES) {
    if (role === 'anonymous') continue;
    cookies[role] = await server.signIn(role);
    ids[role] = (await server.gql('{ viewer { id } }', {}, cookies[role])).data!.viewer.id;
  }
  const partyId = await party(server);
  await join(server, ids.member!, partyId);
  notificationOfMember = async () => {
    const submissionId = await matter(server, partyId);
    await takeStep(server, submissionId, {
      action: SubmissionAction.REGISTER,
      to: SubmissionStatus.REGISTERED,
      actorId: null,
    });
    const [row] = await server.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(`select id from notification where submission_id = ?`, [submissionId]);
    return row!.id;
  };
});
afterAll(() => server?.close());

async function readAtOf(notificationId: string) {
  const [row] = await server.orm.em
    .fork()
    .getConnection()
    .execute<{ read_at: Date | null }[]>(`select read_at from notification where id = ?`, [notificationId]);
  return row!.read_at;
}

describe.each(Object.entries(mutationRules('notification')))('%s', (mutation, rule) => {
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
    const expectedAllowed =
      rule === 'mark'
        ? notificationPolicy.mark(viewer, { personId: ids.member! })
        : notificationPolicy.own(viewer);
    const notificationId = await notificationOfMember();
    const { document, input } = MUTATIONS[mutation]!;
    const before = await rowCounts(server, TABLES);
    const res = await server.gql(document, input ? { input: input(notificationId) } : {}, cookies[role]);
    if (expectedAllowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data?.[mutation].errors).toEqual([]);
    } else if (role === 'anonymous') {
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data).toBeNull();
      expect(await rowCounts(server, TABLES)).toEqual(before);
    } else {
      // Another person's notification is as absent as a missing one, and stays unread.
      expect(res.data?.[mutation].errors).toEqual([{ code: 'NOT_FOUND' }]);
      expect(await readAtOf(notificationId)).toBeNull();
    }
  });
});
