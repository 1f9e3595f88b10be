import { afterAll, beforeAll, expect, test } from 'vitest';
import { draftMeeting, startTestServer, type TestServer } from './helpers.js';
import { startTestMailbox, type TestMailbox } from './mail-helpers.js';

/*
 * Changes made in the meeting's edit page after the notice went out reach its members: an edited item sends
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

test('an item changed after the notice sends a changed notice; a cancellation sends a cancelling one', async () => {
  const draft = await draftMeeting(server, coordinator);
  const published = await server.gql(
    'mutation($input: MeetingActionInput!) { publishAgenda(input: $input) { errors { code } } }',
    { input: { meetingId: draft.id, expectedVersion: draft.version } },
    coordinator,
  );
  expect(published.data!.publishAgenda.errors).toEqual([]);
  await mailbox.waitFor(CHAIR, /^Kallelse: /);

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
