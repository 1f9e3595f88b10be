import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentPolicy } from '../src/documents/document.policy.js';
import { DEMO_PEOPLE } from '../src/seed/demo-data.js';
import { mutationRules } from './policies.js';
import { rowCounts, startTestServer, upcomingMeeting, type TestServer } from './helpers.js';
import { ATTACH, DOCUMENT_TABLES, FILES, REMOVE, uploadFile } from './document-fixtures.js';

/**
 * Every document mutation against every role, signed out included, generated from the rule table the
 * service uses and evaluated with the policy for each role. "Allowed" means the request passed
 * authorization; "denied" means UNAUTHENTICATED or FORBIDDEN and nothing written.
 */
type Role = 'anonymous' | keyof typeof DEMO_PEOPLE;
const ROLES: Role[] = ['anonymous', 'member', 'chair', 'coordinator'];

let server: TestServer;
const cookies: Partial<Record<Role, string>> = {};
const ids: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ROLES) {
    if (role === 'anonymous') continue;
    cookies[role] = await server.signIn(role);
    ids[role] = (await server.gql('{ viewer { id } }', {}, cookies[role])).data!.viewer.id;
  }
});
afterAll(() => server?.close());

function viewerOf(role: Role) {
  if (role === 'anonymous') return null;
  return {
    id: ids[role]!,
    name: '',
    email: '',
    isCoordinator: DEMO_PEOPLE[role].isCoordinator,
    sessionId: '',
    convenes: [],
  };
}

const MUTATIONS: Record<string, string> = {
  attachDocumentToAgendaItem: ATTACH,
  removeDocumentFromAgendaItem: REMOVE,
};

describe.each(Object.entries(mutationRules('document')))('%s', (mutation, rule) => {
  test.each(ROLES)('as %s', async (role) => {
    const meeting = await upcomingMeeting(server);
    const agendaItemId = meeting.agenda[0]!.id;
    const expectedAllowed = documentPolicy[rule as keyof typeof documentPolicy](viewerOf(role), {
      status: 'AGENDA_PUBLISHED' as never,
      chairId: ids.chair!,
      // None of these roles convenes a forum, so which forum does not matter.
      forumId: '',
    });
    // The role's own upload to attach (the coordinator's for the signed out); the coordinator's attached one to remove.
    const uploader =
      role === 'anonymous' || mutation === 'removeDocumentFromAgendaItem' ? 'coordinator' : role;
    const upload = await uploadFile(server, 'underlag.pdf', FILES.pdf, cookies[uploader]);
    const documentId = upload.body.document!.id;
    if (mutation === 'removeDocumentFromAgendaItem') {
      const res = await server.gql(ATTACH, { input: { agendaItemId, documentId } }, cookies.coordinator);
      expect(res.data!.attachDocumentToAgendaItem.errors).toEqual([]);
    }
    const before = await rowCounts(server, DOCUMENT_TABLES);
    const res = await server.gql(
      MUTATIONS[mutation]!,
      { input: { agendaItemId, documentId } },
      cookies[role],
    );
    if (expectedAllowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data![mutation].errors).toEqual([]);
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(res.data).toBeNull();
      expect(await rowCounts(server, DOCUMENT_TABLES)).toEqual(before);
    }
  });
});
