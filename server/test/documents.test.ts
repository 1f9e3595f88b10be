import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AgendaItemKind, MeetingStatus } from '@samverka/domain';
import { sqlCounter } from '../src/db/orm.js';
import { Forum } from '../src/forums/forum.entity.js';
import { Meeting } from '../src/meetings/meeting.entity.js';
import { AgendaItem } from '../src/meetings/agenda-item.entity.js';
import { Document } from '../src/documents/document.entity.js';
import { DocumentContent } from '../src/documents/document-content.entity.js';
import { DocumentAttachment } from '../src/documents/document-attachment.entity.js';
import { toGlobalId } from '../src/graphql/node.js';
import { ConfigError, loadConfig } from '../src/config.js';
import {
  collect,
  draftMeeting,
  rowCounts,
  startTestServer,
  upcomingMeeting,
  type TestServer,
} from './helpers.js';
import { ATTACH, DOCUMENT_TABLES, FILES, REMOVE, uploadFile } from './document-fixtures.js';

const LIMIT = 64 * 1024;

/** A published meeting of `count` items, each holding two documents; its global id. */
async function meetingWithDocuments(count: number): Promise<string> {
  const em = server.orm.em.fork();
  const forum = await em.findOneOrFail(Forum, { slug: 'samverkansradet' });
  const meeting = em.create(Meeting, {
    forum,
    title: `Möte med ${count} punkter`,
    startsAt: new Date(),
    endsAt: new Date(Date.now() + 2 * 3600 * 1000),
    status: MeetingStatus.AGENDA_PUBLISHED,
  });
  for (let i = 1; i <= count; i++) {
    const agendaItem = em.create(AgendaItem, {
      meeting,
      position: i,
      title: `Punkt ${i}`,
      kind: AgendaItemKind.DISCUSSION,
      plannedMinutes: 5,
    });
    for (const name of ['a.pdf', 'b.pdf']) {
      const document = em.create(Document, {
        name,
        mediaType: 'application/pdf',
        size: 3,
        sha256: '0'.repeat(64),
      });
      em.create(DocumentContent, { document, bytes: Buffer.from('%PD') });
      em.create(DocumentAttachment, { document, agendaItem });
    }
  }
  await em.flush();
  return toGlobalId('Meeting', meeting.id);
}
let server: TestServer;
let coordinator: string;
let member: string;

beforeAll(async () => {
  server = await startTestServer({ DOCUMENT_MAX_BYTES: String(LIMIT) });
  coordinator = await server.signIn('coordinator');
  member = await server.signIn('member');
});
afterAll(() => server?.close());

async function attached(agendaItemId: string, name: string, bytes: Buffer) {
  const upload = await uploadFile(server, name, bytes, coordinator);
  expect(upload.status).toBe(201);
  const res = await server.gql(
    ATTACH,
    { input: { agendaItemId, documentId: upload.body.document!.id } },
    coordinator,
  );
  expect(res.data!.attachDocumentToAgendaItem.errors).toEqual([]);
  return upload.body.document!;
}

describe('uploads are checked by content', () => {
  test.each([
    ['protokoll.pdf', 'pdf', 'application/pdf'],
    ['karta.png', 'png', 'image/png'],
    ['foto.JPG', 'jpeg', 'image/jpeg'],
    ['bild.gif', 'gif', 'image/gif'],
    ['bild.webp', 'webp', 'image/webp'],
    ['underlag.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['budget.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['bilder.pptx', 'pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['text.odt', 'odt', 'application/vnd.oasis.opendocument.text'],
    ['kalkyl.ods', 'ods', 'application/vnd.oasis.opendocument.spreadsheet'],
    ['bilder.odp', 'odp', 'application/vnd.oasis.opendocument.presentation'],
  ] as const)('%s is stored as %s', async (name, kind, mediaType) => {
    const res = await uploadFile(server, name, FILES[kind], member);
    expect(res.status).toBe(201);
    expect(res.body.errors).toEqual([]);
    expect(res.body.document).toMatchObject({ name, mediaType, size: FILES[kind].length });
  });

  test.each([
    ['a program renamed .pdf', 'faktura.pdf', FILES.exe],
    ['HTML named .png', 'bild.png', FILES.html],
    ['a macro-enabled Word file named .docx', 'makro.docx', FILES.docm],
    ['a zip of something else named .docx', 'arkiv.docx', FILES.plainZip],
    ['a PNG named .pdf', 'dokument.pdf', FILES.png],
    ['a PDF named .exe', 'program.exe', FILES.pdf],
    ['a Word file named .xlsx', 'budget.xlsx', FILES.docx],
  ])('%s is refused with a field error and nothing written', async (_what, name, bytes) => {
    const before = await rowCounts(server, DOCUMENT_TABLES);
    const res = await uploadFile(server, name, bytes, member);
    expect(res.status).toBe(415);
    expect(res.body.document).toBeNull();
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: ['file'],
        code: 'FILE_TYPE_NOT_ACCEPTED',
        message: expect.any(String),
      }),
    ]);
    expect(await rowCounts(server, DOCUMENT_TABLES)).toEqual(before);
  });

  test('an empty file and a form without a file are refused', async () => {
    expect((await uploadFile(server, 'tom.pdf', Buffer.alloc(0), member)).body.errors[0].code).toBe(
      'REQUIRED',
    );
    const res = await fetch(`${server.url}/dokument`, {
      method: 'POST',
      body: new URLSearchParams({ file: 'x' }),
      headers: { cookie: member },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('REQUIRED');
  });

  test('the name is sanitised: no folders, no quotes, no leading dots, no line breaks', async () => {
    const res = await uploadFile(server, '..\\..\\etc/..Årsmöte\n "plan".pdf', FILES.pdf, member);
    expect(res.body.document!.name).toBe('Årsmöte plan.pdf');
  });

  test('signed out, or from another site, nothing is accepted', async () => {
    const before = await rowCounts(server, DOCUMENT_TABLES);
    const anonymous = await uploadFile(server, 'a.pdf', FILES.pdf);
    expect(anonymous.status).toBe(401);
    const foreign = await uploadFile(server, 'a.pdf', FILES.pdf, member, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await rowCounts(server, DOCUMENT_TABLES)).toEqual(before);
  });
});

describe('the size limit', () => {
  test.each([
    ['announced by Content-Length', 4 * LIMIT],
    ['found while streaming', LIMIT + 100],
  ])(
    'a file over DOCUMENT_MAX_BYTES (%s) answers 413, writes nothing, and the server stays healthy',
    async (_how, size) => {
      const before = await rowCounts(server, DOCUMENT_TABLES);
      const bytes = Buffer.concat([FILES.pdf, Buffer.alloc(size - FILES.pdf.length, 0x20)]);
      const res = await uploadFile(server, 'stor.pdf', bytes, member);
      expect(res.status).toBe(413);
      expect(res.body.document).toBeNull();
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          field: ['file'],
          code: 'FILE_TOO_LARGE',
          max: LIMIT,
          message: 'Filen är för stor. Högst 0,1 MiB.',
        }),
      ]);
      expect(await rowCounts(server, DOCUMENT_TABLES)).toEqual(before);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect((await uploadFile(server, 'liten.pdf', FILES.pdf, member)).status).toBe(201);
    },
  );

  test('DOCUMENT_MAX_BYTES is 20 MiB by default and must be a whole number of bytes', () => {
    expect(loadConfig({}).documentMaxBytes).toBe(20 * 1024 * 1024);
    expect(() => loadConfig({ DOCUMENT_MAX_BYTES: '20MB' })).toThrow(ConfigError);
    expect(() => loadConfig({ DOCUMENT_UNATTACHED_HOURS: '0' })).toThrow(ConfigError);
  });

  test('a file of exactly the limit is accepted', async () => {
    const bytes = Buffer.concat([FILES.pdf, Buffer.alloc(LIMIT - FILES.pdf.length, 0x20)]);
    expect((await uploadFile(server, 'exakt.pdf', bytes, member)).status).toBe(201);
  });
});

describe('downloads', () => {
  test('a PDF is shown inline with its type, length, ETag, nosniff and a name in RFC 5987 form', async () => {
    const meeting = await upcomingMeeting(server);
    const document = await attached(meeting.agenda[0]!.id, 'Årsmöte 2026.pdf', FILES.pdf);
    expect(document.url).toMatch(/^\/dokument\/[0-9a-f-]{36}\/%C3%85rsm%C3%B6te%202026\.pdf$/);
    const res = await fetch(`${server.url}${document.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-length')).toBe(String(FILES.pdf.length));
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="Arsmote 2026.pdf"; filename*=UTF-8''%C3%85rsm%C3%B6te%202026.pdf`,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(FILES.pdf);
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await fetch(`${server.url}${document.url}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  test('an office document is offered as an attachment, and everything but PDF is sandboxed', async () => {
    const meeting = await upcomingMeeting(server);
    const docx = await attached(meeting.agenda[0]!.id, 'underlag.docx', FILES.docx);
    const res = await fetch(`${server.url}${docx.url}`);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(res.headers.get('content-security-policy')).toMatch(/; sandbox$/);
    const png = await attached(meeting.agenda[0]!.id, 'karta.png', FILES.png);
    const image = await fetch(`${server.url}${png.url}`);
    expect(image.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(image.headers.get('content-security-policy')).toMatch(/; sandbox$/);
  });

  test("a draft meeting's document is 404 to the signed-out and to members, and served to its managers", async () => {
    const draft = await draftMeeting(server, coordinator);
    const document = await attached(draft.agenda[0].id, 'utkast.pdf', FILES.pdf);
    expect((await fetch(`${server.url}${document.url}`)).status).toBe(404);
    expect((await fetch(`${server.url}${document.url}`, { headers: { cookie: member } })).status).toBe(404);
    expect((await fetch(`${server.url}${document.url}`, { headers: { cookie: coordinator } })).status).toBe(
      200,
    );
  });

  test('an unknown or malformed id is 404', async () => {
    expect((await fetch(`${server.url}/dokument/00000000-0000-4000-8000-000000000000/x.pdf`)).status).toBe(
      404,
    );
    expect((await fetch(`${server.url}/dokument/not-an-id/x.pdf`)).status).toBe(404);
  });

  test('an upload not attached yet is served to its uploader only', async () => {
    const upload = await uploadFile(server, 'eget.pdf', FILES.pdf, member);
    const url = `${server.url}${upload.body.document!.url}`;
    expect((await fetch(url, { headers: { cookie: member } })).status).toBe(200);
    expect((await fetch(url, { headers: { cookie: coordinator } })).status).toBe(404);
    expect((await fetch(url)).status).toBe(404);
  });
});

describe('attaching and removing', () => {
  test("the agenda lists an item's documents, in the meeting query's read model and through the entities alike", async () => {
    const meeting = await upcomingMeeting(server);
    const item = meeting.agenda[1]!.id;
    await attached(item, 'första.pdf', FILES.pdf);
    await attached(item, 'andra.xlsx', FILES.xlsx);
    const readModel = await server.gql(
      'query($id: ID!) { meeting(id: $id) { agenda { id documents { id name mediaType size url uploadedAt } } } }',
      { id: meeting.id },
    );
    const entities = await server.gql(
      'query($id: ID!) { node(id: $id) { ... on Meeting { agenda { id documents { id name mediaType size url uploadedAt } } } } }',
      { id: meeting.id },
    );
    const listed = readModel.data!.meeting.agenda.find((entry: { id: string }) => entry.id === item);
    expect(listed.documents.map((d: { name: string }) => d.name)).toEqual(['första.pdf', 'andra.xlsx']);
    expect(entities.data!.node.agenda).toEqual(readModel.data!.meeting.agenda);
  });

  test('removing a document deletes it when nothing else holds it', async () => {
    const meeting = await upcomingMeeting(server);
    const item = meeting.agenda[2]!.id;
    const document = await attached(item, 'bort.pdf', FILES.pdf);
    const res = await server.gql(
      REMOVE,
      { input: { agendaItemId: item, documentId: document.id } },
      coordinator,
    );
    expect(res.data!.removeDocumentFromAgendaItem).toEqual({
      agendaItem: { id: item, documents: [] },
      errors: [],
    });
    expect((await fetch(`${server.url}${document.url}`, { headers: { cookie: coordinator } })).status).toBe(
      404,
    );
  });

  test('attaching tells the live meeting page', async () => {
    const meeting = await upcomingMeeting(server);
    const { liveCursor } = (
      await server.gql('query($id: ID!) { meeting(id: $id) { liveCursor } }', { id: meeting.id })
    ).data!.meeting;
    const client = server.ws();
    const events = collect<{ meetingChanged: { kind: string } }>(
      client,
      'subscription($id: ID!, $after: String) { meetingChanged(meetingId: $id, after: $after) { kind } }',
      { id: meeting.id, after: liveCursor },
    );
    await attached(meeting.agenda[3]!.id, 'live.pdf', FILES.pdf);
    const [first] = await events.waitFor(1);
    expect(first!.meetingChanged.kind).toBe('DOCUMENTS_CHANGED');
    events.dispose();
    await client.dispose();
  });

  test('an agenda of 60 items with documents costs as many statements as one of 3', async () => {
    const statementsFor = async (count: number) => {
      const id = await meetingWithDocuments(count);
      const before = sqlCounter.statements;
      const res = await server.gql(
        '{ meetings(first: 100) { edges { node { id agenda { documents { name url } } } } } }',
        {},
        coordinator,
      );
      expect(res.errors).toBeUndefined();
      const viaEntities = sqlCounter.statements - before;
      const beforeReadModel = sqlCounter.statements;
      const read = await server.gql(
        'query($id: ID!) { meeting(id: $id) { agenda { documents { name } } } }',
        { id },
      );
      expect(read.data!.meeting.agenda).toHaveLength(count);
      expect(read.data!.meeting.agenda[0].documents).toHaveLength(2);
      return { viaEntities, viaReadModel: sqlCounter.statements - beforeReadModel };
    };
    const few = await statementsFor(3);
    const many = await statementsFor(60);
    expect(many).toEqual(few);
    expect(few.viaReadModel).toBeLessThanOrEqual(2);
  });
});
