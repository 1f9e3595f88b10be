import { afterAll, beforeAll, expect, test } from 'vitest';
import { Document } from '../src/documents/document.entity.js';
import { DocumentContent } from '../src/documents/document-content.entity.js';
import { DocumentAttachment } from '../src/documents/document-attachment.entity.js';
import { AgendaItem } from '../src/meetings/agenda-item.entity.js';
import { draftMeeting, startTestServer, type TestServer } from './helpers.js';
import { uuidOf } from './accounts-fixtures.js';
import { startTestMailbox, type TestMailbox } from './mail-helpers.js';

/*
 * The notice links each item's documents, and changes made in the meeting's edit page after it went out
 * reach its members: an edited item sends
 * a changed notice, a cancellation a cancelling one (meeting-planning → published-meeting-changed.ts).
 */
let mailbox: TestMailbox;
let server: TestServer;
let coordinator: string;

const CHAIR = 'ordforande@samverka.example';

beforeAll(async () => {
  mailbox = await startTestMailbox();
  server = await startTestServer({ SMTP_URL: mailbox.url, PUBLIC_URL: 'https://samverka.example' });
  coordinator = await server.signIn('coordinator');
});
afterAll(async () => {
  await server?.close();
  await mailbox?.close();
});

async function meetingNow(id: string) {
  const res = await server.gql(
    'query($id: ID!) { meeting(id: $id) { id version title agenda { id title kind plannedMinutes } } }',
    { id },
    coordinator,
  );
  return res.data!.meeting;
}

async function plan(mutation: string, type: string, input: Record<string, unknown>) {
  const res = await server.gql(
    `mutation($input: ${type}!) { ${mutation}(input: $input) { meeting { version } errors { field message } } }`,
    { input },
    coordinator,
  );
  expect(res.data![mutation].errors).toEqual([]);
}

/** Attaches a small PDF to the meeting's first item, as the agenda builder's upload does. */
async function attachDocument(meetingId: string): Promise<string> {
  const em = server.orm.em.fork();
  const item = await em.findOneOrFail(AgendaItem, { meeting: uuidOf(meetingId), position: 1 });
  const document = em.create(Document, {
    name: 'Underlag till punkt 1.pdf',
    mediaType: 'application/pdf',
    size: 8,
    sha256: '0'.repeat(64),
  });
  em.create(DocumentContent, { document, bytes: Buffer.from('%PDF-1.7') });
  em.create(DocumentAttachment, { document, agendaItem: item });
  await em.flush();
  return document.id;
}

test('the notice links the documents; a change after it sends a changed notice, a cancellation a cancelling one', async () => {
  const draft = await draftMeeting(server, coordinator);
  const documentId = await attachDocument(draft.id);
  const published = await server.gql(
    'mutation($input: MeetingActionInput!) { publishAgenda(input: $input) { errors { code } } }',
    { input: { meetingId: draft.id, expectedVersion: draft.version } },
    coordinator,
  );
  expect(published.data!.publishAgenda.errors).toEqual([]);
  const notice = await mailbox.waitFor(CHAIR, /^Kallelse: /);
  const link = `https://samverka.example/dokument/${documentId}/Underlag%20till%20punkt%201.pdf`;
  expect(notice.text).toContain(`Handling: Underlag till punkt 1.pdf ${link}`);
  expect(notice.text).toContain(`Document: Underlag till punkt 1.pdf ${link}`);

  let meeting = await meetingNow(draft.id);
  const item = meeting.agenda[0];
  await plan('updateAgendaItem', 'UpdateAgendaItemInput', {
    meetingId: meeting.id,
    expectedVersion: meeting.version,
    agendaItemId: item.id,
    title: `${item.title} (ändrad)`,
    kind: item.kind,
    plannedMinutes: item.plannedMinutes + 5,
  });
  const changed = await mailbox.waitFor(CHAIR, /^Ändrad kallelse: /);
  expect(changed.text).toContain(`${item.title} (ändrad)`);
  expect(changed.attachments.find((file) => file.filename.endsWith('.ics'))!.content).toContain('SEQUENCE:1');

  meeting = await meetingNow(draft.id);
  await plan('cancelMeeting', 'CancelMeetingInput', {
    meetingId: meeting.id,
    expectedVersion: meeting.version,
    reason: 'Lokalen är inte tillgänglig.',
  });
  const cancelled = await mailbox.waitFor(CHAIR, /^Inställt sammanträde: /);
  expect(cancelled.text).toContain('Lokalen är inte tillgänglig.');
  const ics = cancelled.attachments.find((file) => file.filename.endsWith('.ics'))!.content;
  expect(ics).toContain('METHOD:CANCEL');
  expect(ics).toContain('SEQUENCE:2');
});
