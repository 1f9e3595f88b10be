import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rowCounts, startTestServer, upcomingMeeting, type TestServer } from './helpers.js';
import { ATTACH, DOCUMENT_TABLES, FILES, REMOVE, uploadFile } from './document-fixtures.js';
import { removeUnattachedDocuments } from '../src/documents/document.service.js';

let server: TestServer;
let coordinator: string;
let member: string;
let agendaItemId: string;

beforeAll(async () => {
  server = await startTestServer();
  coordinator = await server.signIn('coordinator');
  member = await server.signIn('member');
  agendaItemId = (await upcomingMeeting(server)).agenda[0]!.id;
});
afterAll(() => server?.close());

async function upload(cookie = coordinator) {
  return (await uploadFile(server, 'underlag.pdf', FILES.pdf, cookie)).body.document!;
}

/** Runs the mutation and expects exactly one field error and nothing written. */
async function refused(query: string, input: Record<string, unknown>, field: string, code: string) {
  const before = await rowCounts(server, DOCUMENT_TABLES);
  const res = await server.gql(query, { input }, coordinator);
  expect(res.errors).toBeUndefined();
  const payload = Object.values(res.data!)[0] as { agendaItem: unknown; errors: unknown[] };
  expect(payload.agendaItem).toBeNull();
  expect(payload.errors).toEqual([expect.objectContaining({ field: ['input', field], code })]);
  expect(await rowCounts(server, DOCUMENT_TABLES)).toEqual(before);
}

describe.each([
  ['attachDocumentToAgendaItem', ATTACH],
  ['removeDocumentFromAgendaItem', REMOVE],
])('%s refuses bad input', (_mutation, query) => {
  test('an agenda item that does not exist, or an id of something else', async () => {
    const { id } = await upload();
    await refused(query, { agendaItemId: 'bm9wZQ', documentId: id }, 'agendaItemId', 'NOT_FOUND');
    await refused(query, { agendaItemId: id, documentId: id }, 'agendaItemId', 'NOT_FOUND');
  });

  test('a document that does not exist, or an id of something else', async () => {
    await refused(query, { agendaItemId, documentId: 'bm9wZQ' }, 'documentId', 'NOT_FOUND');
    await refused(query, { agendaItemId, documentId: agendaItemId }, 'documentId', 'NOT_FOUND');
  });
});

describe('attaching', () => {
  test("someone else's upload is not found: its id is no permission", async () => {
    const { id } = await upload(member);
    await refused(ATTACH, { agendaItemId, documentId: id }, 'documentId', 'NOT_FOUND');
  });

  test('the same document twice to one item is a duplicate', async () => {
    const { id } = await upload();
    const first = await server.gql(ATTACH, { input: { agendaItemId, documentId: id } }, coordinator);
    expect(first.data!.attachDocumentToAgendaItem.errors).toEqual([]);
    await refused(ATTACH, { agendaItemId, documentId: id }, 'documentId', 'DUPLICATE');
  });
});

describe('removing', () => {
  test('a document attached to another item is not on this one', async () => {
    const meeting = await upcomingMeeting(server);
    const { id } = await upload();
    await server.gql(ATTACH, { input: { agendaItemId: meeting.agenda[1]!.id, documentId: id } }, coordinator);
    await refused(REMOVE, { agendaItemId, documentId: id }, 'documentId', 'NOT_FOUND');
  });
});

describe('uploads never attached', () => {
  test('are removed after DOCUMENT_UNATTACHED_HOURS by the next upload; attached ones stay', async () => {
    const abandoned = await upload();
    const kept = await upload();
    await server.gql(ATTACH, { input: { agendaItemId, documentId: kept.id } }, coordinator);
    const connection = server.orm.em.fork().getConnection();
    await connection.execute(`update document set created_at = now() - interval '25 hours'`);
    const fresh = await upload();
    const names = await connection.execute<{ id: string }[]>('select id from document');
    const stored = names.map((row) => row.id);
    const uuid = (url: string) => url.split('/')[2]!;
    expect(stored).not.toContain(uuid(abandoned.url));
    expect(stored).toContain(uuid(kept.url));
    expect(stored).toContain(uuid(fresh.url));
    expect(await removeUnattachedDocuments(server.orm.em.fork(), 24)).toBe(0);
  });
});
