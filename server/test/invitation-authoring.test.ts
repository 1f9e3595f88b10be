import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { InvitationStatus, ParticipantStatus, endOfStockholmDay, stockholmYear } from '@samverka/domain';
import { InvitationEvent } from '../src/invitations/invitation-event.entity.js';
import { notifyInvitationStep } from '../src/notifications/invitation-fanout.js';
import { InvitationOccasion } from '../src/invitations/invitation-occasion.entity.js';
import { OccasionParticipant } from '../src/invitations/occasion-participant.entity.js';
import { Party } from '../src/parties/party.entity.js';
import { uuidOf } from './accounts-fixtures.js';
import { FILES, uploadFile } from './document-fixtures.js';
import { startTestServer, type TestServer } from './helpers.js';
import { joinedParty, partyIdByName } from './submission-fixtures.js';
import {
  consultationContent,
  dialogueContent,
  draftInvitation,
  instantInDays,
  invitationOk,
  invitationStep,
  keptContent,
  occasionContent,
  publishedInvitation,
} from './invitation-authoring-fixtures.js';

// The notification centre's fan-out, watched: each step says whom it concerns.
vi.mock('../src/notifications/invitation-fanout.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/notifications/invitation-fanout.js')>();
  return { notifyInvitationStep: vi.fn(real.notifyInvitationStep) };
});

let server: TestServer;
let member: string;
let coordinator: string;
let vivalla: string;
let other: { cookie: string; partyId: string };

beforeAll(async () => {
  server = await startTestServer();
  member = await server.signIn('member');
  coordinator = await server.signIn('coordinator');
  vivalla = await partyIdByName(server, 'Vivalla Kvinnoförening');
  other = await joinedParty(server, 'Grannföreningen');
});
afterAll(() => server?.close());

const INVITATION = (fields: string) => `query($id: ID!) { invitation(id: $id) { ${fields} } }`;

async function eventsOf(globalId: string) {
  const em = server.orm.em.fork();
  return em.find(InvitationEvent, { invitation: uuidOf(globalId) }, { orderBy: { occurredAt: 'asc' } });
}

test('a draft keeps every field, is seen only by its party, and concludes when its last occasion ends', async () => {
  const upload = await uploadFile(server, 'underlag.pdf', FILES.pdf, member);
  const second = occasionContent({
    mode: 'DIGITAL',
    link: 'https://möte.exempel.se/vivalla',
    place: 'ignored',
    startsAt: instantInDays(30),
    endsAt: instantInDays(30, 19),
    capacity: null,
    registrationClosesOn: occasionContent().registrationClosesOn,
  });
  const draft = await draftInvitation(
    server,
    member,
    vivalla,
    dialogueContent({
      areas: [' Fritid ', 'fritid', 'Integration'],
      audience: 'NAMED_PARTIES',
      namedPartyIds: [other.partyId],
      documentIds: [upload.body.document!.id],
      occasions: [second, occasionContent()],
    }),
  );
  expect(draft).toMatchObject({
    status: 'DRAFT',
    kind: 'DIALOGUE',
    areas: ['fritid', 'integration'],
    audience: 'NAMED_PARTIES',
    namedParties: [{ id: other.partyId }],
    documents: [{ name: 'underlag.pdf' }],
    registrationNumber: null,
    publishedAt: null,
  });
  expect(draft.occasions.map((o: any) => [o.mode, o.link, o.place, o.capacity])).toEqual([
    ['IN_PERSON', null, 'Medborgarhuset, Vivalla, sal 2', 20],
    ['DIGITAL', 'https://möte.exempel.se/vivalla', null, null],
  ]);
  expect(new Date(draft.concludesAt).toISOString()).toBe(second.endsAt);
  expect(draft.viewerActions).toEqual(expect.arrayContaining(['EDIT', 'PUBLISH', 'MANAGE_OCCASIONS']));

  expect((await server.gql(INVITATION('id'), { id: draft.id }, other.cookie)).data!.invitation).toBeNull();
  expect((await server.gql(INVITATION('id'), { id: draft.id })).data!.invitation).toBeNull();
  expect((await server.gql(INVITATION('id'), { id: draft.id }, coordinator)).data!.invitation).toBeNull();
});

test('publishing a consultation gives it the next number of its series and the end of its deadline day', async () => {
  const year = stockholmYear(new Date());
  const content = consultationContent({ registrationSeries: 'UBN' });
  const first = await publishedInvitation(server, member, vivalla, content);
  const second = await publishedInvitation(server, member, vivalla, content);
  expect(first).toMatchObject({ status: 'PUBLISHED', registrationNumber: `UBN 1/${year}` });
  expect(second.registrationNumber).toBe(`UBN 2/${year}`);
  expect(first.proposals.map((p: any) => [p.position, p.title])).toEqual([
    [1, 'Höjt grundbidrag'],
    [2, 'Nytt bidrag för mötesplatser'],
  ]);
  expect(new Date(first.concludesAt).getTime()).toBe(endOfStockholmDay(content.responseDeadline!).getTime());
  expect(first.publishedAt).not.toBeNull();
  const events = await eventsOf(first.id);
  expect(events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
    ['EDIT', null, null],
    ['PUBLISH', 'DRAFT', 'PUBLISHED'],
  ]);
  // Everyone sees it once it is out; a member of another party may not edit it.
  const seen = await server.gql(INVITATION('title viewerActions'), { id: first.id }, other.cookie);
  expect(seen.data!.invitation).toMatchObject({ title: content.title });
  expect(seen.data!.invitation.viewerActions).not.toContain('EDIT');
});

test('a consultation without a series takes the default one, Ks', async () => {
  const posted = await publishedInvitation(
    server,
    member,
    vivalla,
    consultationContent({ registrationSeries: null }),
  );
  expect(posted.registrationNumber).toMatch(/^Ks \d+\/\d{4}$/);
});

test('editing reorders proposals and keeps their ids', async () => {
  const draft = await draftInvitation(server, member, vivalla, consultationContent());
  const [a, b] = draft.proposals;
  const edited = await invitationOk(
    server,
    'updateInvitation',
    {
      invitationId: draft.id,
      expectedVersion: draft.version,
      ...keptContent(draft, {
        proposals: [
          { id: b.id, title: b.title, description: null },
          { id: a.id, title: 'Höjt grundbidrag till 9 000 kr', description: a.description },
          { id: null, title: 'Ett tredje förslag', description: null },
        ],
      }),
    },
    member,
  );
  expect(edited.proposals.map((p: any) => [p.id === a.id, p.id === b.id, p.position, p.title])).toEqual([
    [false, true, 1, 'Nytt bidrag för mötesplatser'],
    [true, false, 2, 'Höjt grundbidrag till 9 000 kr'],
    [false, false, 3, 'Ett tredje förslag'],
  ]);
  expect(edited.version).toBeGreaterThan(draft.version);
});

test('moving a published occasion tells those registered, and keeps it', async () => {
  const posted = await publishedInvitation(server, member, vivalla);
  const occasion = posted.occasions[0];
  const moved = await invitationOk(
    server,
    'updateInvitation',
    {
      invitationId: posted.id,
      expectedVersion: posted.version,
      ...keptContent(posted, {
        occasions: [{ ...occasion, startsAt: instantInDays(22), endsAt: instantInDays(22, 18) }],
      }),
    },
    member,
  );
  expect(moved.occasions[0].id).toBe(occasion.id);
  expect(moved.status).toBe('PUBLISHED');
  // The edit and the occasion's step share a transaction, so their order in time is not told apart.
  const actions = async () => (await eventsOf(posted.id)).map((e) => e.action).sort();
  expect(await actions()).toEqual(['EDIT', 'EDIT', 'MANAGE_OCCASIONS', 'PUBLISH']);

  // Only the title changed: no occasion step.
  const retitled = await invitationOk(
    server,
    'updateInvitation',
    { invitationId: moved.id, expectedVersion: moved.version, ...keptContent(moved, { title: 'Ny rubrik' }) },
    member,
  );
  expect(retitled.title).toBe('Ny rubrik');
  expect(await actions()).toEqual(['EDIT', 'EDIT', 'EDIT', 'MANAGE_OCCASIONS', 'PUBLISH']);
});

test('a published occasion with participants cannot be removed, nor its seats changed here', async () => {
  const posted = await publishedInvitation(
    server,
    member,
    vivalla,
    dialogueContent({
      occasions: [
        occasionContent(),
        occasionContent({ startsAt: instantInDays(25), endsAt: instantInDays(25, 18) }),
      ],
    }),
  );
  const em = server.orm.em.fork();
  em.create(OccasionParticipant, {
    occasion: em.getReference(InvitationOccasion, uuidOf(posted.occasions[1].id)),
    party: em.getReference(Party, uuidOf(other.partyId)),
    name: 'Kim',
    status: ParticipantStatus.REGISTERED,
    sequence: 1,
  } as never);
  await em.flush();
  const removing = await invitationStep(
    server,
    'updateInvitation',
    {
      invitationId: posted.id,
      expectedVersion: posted.version,
      ...keptContent(posted, { occasions: [posted.occasions[0]] }),
    },
    member,
  );
  expect(removing.data!.updateInvitation.errors).toEqual([
    expect.objectContaining({ field: ['input', 'occasions'], code: 'INVALID' }),
  ]);
  const reseating = await invitationStep(
    server,
    'updateInvitation',
    {
      invitationId: posted.id,
      expectedVersion: posted.version,
      ...keptContent(posted, { occasions: [{ ...posted.occasions[0], capacity: 5 }, posted.occasions[1]] }),
    },
    member,
  );
  expect(reseating.data!.updateInvitation.errors).toEqual([
    expect.objectContaining({ field: ['input', 'occasions', '0', 'capacity'], code: 'INVALID' }),
  ]);
  // A draft's seats are the inviter's to set.
  const draft = await draftInvitation(server, member, vivalla);
  const reseated = await invitationOk(
    server,
    'updateInvitation',
    {
      invitationId: draft.id,
      expectedVersion: draft.version,
      ...keptContent(draft, { occasions: [{ ...draft.occasions[0], capacity: 5 }] }),
    },
    member,
  );
  expect(reseated.occasions[0].capacity).toBe(5);
});

test('the workflow: registration closed, held; cancelled by the coordinator with a reason', async () => {
  const posted = await publishedInvitation(server, member, vivalla);
  const closed = await invitationOk(
    server,
    'closeInvitationRegistration',
    { invitationId: posted.id, expectedVersion: posted.version },
    member,
  );
  expect(closed.status).toBe('REGISTRATION_CLOSED');
  expect(closed.viewerActions).toEqual(expect.arrayContaining(['EDIT', 'MARK_HELD', 'CANCEL']));
  const held = await invitationOk(
    server,
    'markInvitationHeld',
    { invitationId: closed.id, expectedVersion: closed.version },
    member,
  );
  expect(held.status).toBe('HELD');
  expect(held.viewerActions).toEqual(['PUBLISH_FEEDBACK']);

  const other = await publishedInvitation(server, member, vivalla);
  const cancelled = await invitationOk(
    server,
    'cancelInvitation',
    { invitationId: other.id, expectedVersion: other.version, reason: '  Lokalen är inte tillgänglig.  ' },
    coordinator,
  );
  expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Lokalen är inte tillgänglig.' });
  expect(cancelled.closedAt).not.toBeNull();
  const events = await eventsOf(other.id);
  expect(events.at(-1)).toMatchObject({
    action: 'CANCEL',
    text: 'Lokalen är inte tillgänglig.',
    toStatus: InvitationStatus.CANCELLED,
  });
});

test('a stale version refuses the edit', async () => {
  const draft = await draftInvitation(server, member, vivalla);
  await invitationOk(
    server,
    'updateInvitation',
    { invitationId: draft.id, expectedVersion: draft.version, ...keptContent(draft, { title: 'Först' }) },
    member,
  );
  const res = await invitationStep(
    server,
    'updateInvitation',
    { invitationId: draft.id, expectedVersion: draft.version, ...keptContent(draft, { title: 'Sen' }) },
    member,
  );
  expect(res.data!.updateInvitation.errors).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
});

test('known areas of interest: the parties’ and published invitations’, not drafts’', async () => {
  await draftInvitation(server, member, vivalla, dialogueContent({ areas: ['hemlig plan'] }));
  await publishedInvitation(server, member, vivalla, dialogueContent({ areas: ['Äldreomsorg'] }));
  const res = await server.gql('{ knownAreasOfInterest }');
  const areas = res.data!.knownAreasOfInterest as string[];
  expect(areas).toContain('äldreomsorg');
  expect(areas).not.toContain('hemlig plan');
  expect(new Set(areas).size).toBe(areas.length);
});

test('publishing, moving an occasion and cancelling each tell those they concern', async () => {
  const notified = vi.mocked(notifyInvitationStep);
  notified.mockClear();
  const posted = await publishedInvitation(server, member, vivalla);
  const moved = await invitationOk(
    server,
    'updateInvitation',
    {
      invitationId: posted.id,
      expectedVersion: posted.version,
      ...keptContent(posted, {
        occasions: [{ ...posted.occasions[0], place: 'Vivalla bibliotek' }],
      }),
    },
    member,
  );
  await invitationOk(
    server,
    'cancelInvitation',
    { invitationId: moved.id, expectedVersion: moved.version, reason: 'Sjukdom.' },
    member,
  );
  expect(notified.mock.calls.map(([, , step]) => [step.action, step.notify ?? null])).toEqual([
    ['EDIT', null],
    ['PUBLISH', 'INVITATION_NEW'],
    ['EDIT', null],
    ['MANAGE_OCCASIONS', 'INVITATION_CANCELLED'],
    ['CANCEL', 'INVITATION_CANCELLED'],
  ]);
});
