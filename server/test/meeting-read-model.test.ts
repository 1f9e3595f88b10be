import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Activity } from '../src/activity-plan/activity.entity.js';
import { ref } from '@mikro-orm/core';
import { Meeting } from '../src/meetings/meeting.entity.js';
import { idOfType } from '../src/graphql/node.js';
import { draftMeeting, startTestServer, upcomingMeeting, type TestServer } from './helpers.js';
import { Person } from '../src/accounts/person.entity.js';
import { DEMO_PEOPLE } from '../src/seed/demo-data.js';
import { Document } from '../src/documents/document.entity.js';
import { DocumentContent } from '../src/documents/document-content.entity.js';
import { DocumentAttachment } from '../src/documents/document-attachment.entity.js';

const clientFile = (path: string) =>
  readFileSync(new URL(`../../client/src/features/${path}`, import.meta.url), 'utf8');

/** The client's documents, each with the same selection asked through node(id:), which takes the entity path. */
const DOCUMENTS = {
  live: {
    text: clientFile('live/LivePage.graphql'),
    operationName: 'LiveMeetingInitial',
    entityPath:
      'query EntityPath($id: ID!) { node(id: $id) { ...LiveMeeting ... on Meeting { liveCursor } } }',
  },
  meetingPage: {
    text:
      clientFile('meetings/MeetingPage.graphql') +
      clientFile('meetings/MeetingDetails.graphql') +
      clientFile('documents/DocumentFields.graphql'),
    operationName: 'Meeting',
    entityPath:
      'query EntityPath($id: ID!) { node(id: $id) { ...MeetingDetails ... on Meeting { liveCursor } } }',
  },
};

let server: TestServer;
let meetingId: string;
const cookies: Record<string, string | undefined> = {};

beforeAll(async () => {
  server = await startTestServer();
  cookies.coordinator = await server.signIn('coordinator');
  cookies.chair = await server.signIn('chair');
  cookies.member = await server.signIn('member');
  cookies.signedOut = undefined;

  // A running meeting with every field filled in somewhere: a current item with its timer, a decision and a
  // minute, an item following up an activity and holding a document, a chair and a summary, and a live event
  // for the cursor.
  const meeting = await upcomingMeeting(server);
  meetingId = meeting.id;
  const started = await server.gql(
    'mutation($input: MeetingActionInput!) { startMeeting(input: $input) { errors { code } } }',
    { input: { meetingId, expectedVersion: meeting.version } },
    cookies.coordinator,
  );
  expect(started.data?.startMeeting.errors).toEqual([]);
  const em = server.orm.em.fork();
  const entity = await em.findOneOrFail(Meeting, idOfType(meetingId, 'Meeting')!, { populate: ['agenda'] });
  const [first, second] = entity.agenda.getItems();
  first!.decision = 'Mötet förklaras öppnat.';
  first!.minute = 'Ordföranden hälsade välkommen.';
  second!.activity = ref(await em.findOneOrFail(Activity, { number: 1 }));
  entity.summary = 'Kort protokoll.';
  const document = em.create(Document, {
    name: 'Uppföljning.pdf',
    mediaType: 'application/pdf',
    size: 8,
    sha256: '0'.repeat(64),
  });
  em.create(DocumentContent, { document, bytes: Buffer.from('%PDF-1.7') });
  em.create(DocumentAttachment, { document, agendaItem: second! });
  await em.flush();
});
afterAll(() => server?.close());

async function ask(query: string, operationName: string, cookie: string | undefined, id = meetingId) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, operationName, variables: { id } }),
  });
  return (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

describe("the read model answers the client's meeting documents exactly as the entity path does", () => {
  for (const [name, document] of Object.entries(DOCUMENTS)) {
    test.each(['signedOut', 'member', 'chair', 'coordinator'])(`${name}, %s`, async (who) => {
      const read = await ask(document.text, document.operationName, cookies[who]);
      const entity = await ask(document.text + document.entityPath, 'EntityPath', cookies[who]);
      expect(read.errors).toBeUndefined();
      expect(entity.errors).toBeUndefined();
      expect(read.data!.meeting).not.toBeNull();
      expect(read.data!.meeting.currentItem).not.toBeNull();
      expect(read.data!.meeting.liveCursor).not.toBe('0');
      expect(read.data!.meeting).toEqual(entity.data!.node);
    });
  }
});

test('the meeting page shows the fields only it asks for, filled in', async () => {
  const { data } = await ask(DOCUMENTS.meetingPage.text, 'Meeting', undefined);
  expect(data!.meeting).toMatchObject({ chairName: 'Erik Holm', summary: 'Kort protokoll.' });
  expect(data!.meeting.agenda[0]).toMatchObject({ decision: 'Mötet förklaras öppnat.', activity: null });
  expect(data!.meeting.agenda[1].activity).toMatchObject({ number: 1 });
  expect(data!.meeting.agenda[1].documents).toEqual([
    expect.objectContaining({ name: 'Uppföljning.pdf', mediaType: 'application/pdf', size: 8 }),
  ]);
});

test('a query asking beyond the read model is answered by the entities', async () => {
  const res = await server.gql(
    `query($id: ID!) { meeting(id: $id) { title forum { description seats { holderName } } agenda { activity { responsible } } } }`,
    { id: meetingId },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.meeting.forum.seats.length).toBeGreaterThan(0);
  expect(res.data!.meeting.agenda.some((item: { activity: unknown }) => item.activity)).toBe(true);
});

test('a draft read through the read model is seen only by those who may run it', async () => {
  const draft = await draftMeeting(server, cookies.coordinator!);
  const em = server.orm.em.fork();
  const entity = await em.findOneOrFail(Meeting, idOfType(draft.id, 'Meeting')!);
  entity.chair = ref(await em.findOneOrFail(Person, { email: DEMO_PEOPLE.chair.email }));
  await em.flush();
  const seen = async (who: string) =>
    (await ask(DOCUMENTS.live.text, 'LiveMeetingInitial', cookies[who], draft.id)).data!.meeting;
  expect(await seen('signedOut')).toBeNull();
  expect(await seen('member')).toBeNull();
  expect(await seen('chair')).toMatchObject({ id: draft.id, status: 'DRAFT' });
  expect(await seen('coordinator')).toMatchObject({ id: draft.id, status: 'DRAFT' });
});
