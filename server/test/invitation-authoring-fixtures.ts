import { InvitationStatus } from '@samverka/domain';
import { Invitation } from '../src/invitations/invitation.entity.js';
import { uuidOf } from './accounts-fixtures.js';
import type { GraphQLResponse, TestServer } from './helpers.js';
import { daysFromToday } from './submission-fixtures.js';

/** What tests read of an invitation after each step. */
export const INVITATION_FIELDS = `id version status kind title process stage plannedDecisionOn decidingBody
  inputWanted principles areas audience partyKinds contactName contactDetails responseDeadline
  registrationNumber publishedAt concludesAt cancelReason closedAt viewerActions
  party { id } namedParties { id }
  occasions { id startsAt endsAt mode link place accessibility capacity registrationClosesOn }
  proposals { id position title description } documents { id name }`;

/** The GraphQL input type of each authoring mutation. */
export const INVITATION_INPUT_TYPES: Record<string, string> = {
  createInvitationDraft: 'CreateInvitationDraftInput',
  updateInvitation: 'UpdateInvitationInput',
  publishInvitation: 'InvitationStepInput',
  cancelInvitation: 'CancelInvitationInput',
  closeInvitationRegistration: 'InvitationStepInput',
  markInvitationHeld: 'InvitationStepInput',
  closeInvitation: 'InvitationStepInput',
};

/** Tables an authoring step may write: a refused one leaves them all as they were. */
export const INVITATION_TABLES = [
  'invitation',
  'invitation_event',
  'invitation_invitee',
  'invitation_occasion',
  'consultation_proposal',
  'registration_counter',
  'document',
  'document_attachment',
  'live_event',
  'notification',
];

export type Posted = { id: string; version: number; status: string; [field: string]: any };

/** Runs one authoring mutation; `res.data[mutation]` is its payload. */
export function invitationStep(
  server: TestServer,
  mutation: string,
  input: Record<string, unknown>,
  cookie?: string,
): Promise<GraphQLResponse<Record<string, any>>> {
  return server.gql(
    `mutation($input: ${INVITATION_INPUT_TYPES[mutation]}!) { ${mutation}(input: $input) {
      invitation { ${INVITATION_FIELDS} } errors { field code message max } } }`,
    { input },
    cookie,
  );
}

/** A step that must succeed: the invitation, or the test fails with the payload's errors. */
export async function invitationOk(
  server: TestServer,
  mutation: string,
  input: Record<string, unknown>,
  cookie?: string,
): Promise<Posted> {
  const res = await invitationStep(server, mutation, input, cookie);
  const payload = res.data?.[mutation] as { invitation: Posted | null; errors: unknown[] } | undefined;
  if (!payload?.invitation) {
    throw new Error(`${mutation} failed: ${JSON.stringify(res.errors ?? payload?.errors)}`);
  }
  return payload.invitation;
}

/** An instant some days from now at 16:00 UTC (17:00 or 18:00 in Stockholm). */
export function instantInDays(days: number, hour = 16): string {
  const at = new Date(Date.now() + days * 24 * 3600 * 1000);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
}

/** One valid occasion, three weeks ahead; `overrides` replace fields. */
export function occasionContent(overrides: Record<string, unknown> = {}) {
  return {
    id: null,
    startsAt: instantInDays(21),
    endsAt: instantInDays(21, 18),
    mode: 'IN_PERSON',
    link: null,
    place: 'Medborgarhuset, Vivalla, sal 2',
    accessibility: 'Entré i markplan, hörslinga.',
    capacity: 20,
    registrationClosesOn: daysFromToday(14),
    ...overrides,
  };
}

/** A complete, valid dialogue invitation's content. */
export function dialogueContent(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'DIALOGUE',
    title: 'Dialog om nya mötesplatser i Vivalla',
    process: 'Fritidsplan 2027',
    stage: 'INVESTIGATION',
    plannedDecisionOn: daysFromToday(120),
    decidingBody: 'Kultur- och fritidsnämnden',
    inputWanted: 'Vilka mötesplatser saknas, och för vilka?',
    principles: ['DIALOGUE'],
    areas: ['Fritid', 'integration'],
    audience: 'ALL_PARTIES',
    partyKinds: [],
    namedPartyIds: [],
    contactName: 'Anna Andersson',
    contactDetails: 'anna@exempel.se',
    documentIds: [],
    occasions: [occasionContent()],
    proposals: [],
    responseDeadline: null as string | null,
    registrationSeries: null as string | null,
    ...overrides,
  };
}

/** A complete, valid consultation's content. */
export function consultationContent(overrides: Record<string, unknown> = {}) {
  return dialogueContent({
    kind: 'CONSULTATION',
    title: 'Remiss: Föreningsbidrag 2027',
    stage: 'PROPOSAL',
    occasions: [],
    proposals: [
      { id: null, title: 'Höjt grundbidrag', description: 'Från 5 000 till 8 000 kronor.' },
      { id: null, title: 'Nytt bidrag för mötesplatser', description: null },
    ],
    responseDeadline: daysFromToday(60),
    registrationSeries: 'KFN',
    ...overrides,
  });
}

/** A draft of the party by one of its people. */
export function draftInvitation(
  server: TestServer,
  cookie: string,
  partyId: string,
  content: Record<string, unknown> = dialogueContent(),
): Promise<Posted> {
  return invitationOk(server, 'createInvitationDraft', { partyId, ...content }, cookie);
}

/** A draft, published. */
export async function publishedInvitation(
  server: TestServer,
  cookie: string,
  partyId: string,
  content: Record<string, unknown> = dialogueContent(),
): Promise<Posted> {
  const draft = await draftInvitation(server, cookie, partyId, content);
  return invitationOk(
    server,
    'publishInvitation',
    { invitationId: draft.id, expectedVersion: draft.version },
    cookie,
  );
}

/** Puts an invitation in a status the other helpers' steps lead to (feedback published), as they would. */
export async function invitationInStatus(
  server: TestServer,
  cookie: string,
  globalId: string,
  status: InvitationStatus,
): Promise<Posted> {
  const em = server.orm.em.fork();
  const invitation = await em.findOneOrFail(Invitation, uuidOf(globalId));
  invitation.status = status;
  if (status === InvitationStatus.FEEDBACK_PUBLISHED) {
    invitation.feedback = 'Synpunkterna finns med i planen.';
    invitation.feedbackPublishedAt = new Date();
  }
  await em.flush();
  const res = await server.gql(
    `query($id: ID!) { invitation(id: $id) { ${INVITATION_FIELDS} } }`,
    { id: globalId },
    cookie,
  );
  return res.data!.invitation as Posted;
}

/** Global ids of the invitation's parts, as the form sends them back to keep them. */
export function keptContent(posted: Posted, overrides: Record<string, unknown> = {}) {
  return {
    kind: posted.kind,
    title: posted.title,
    process: posted.process,
    stage: posted.stage,
    plannedDecisionOn: posted.plannedDecisionOn,
    decidingBody: posted.decidingBody,
    inputWanted: posted.inputWanted,
    principles: posted.principles,
    areas: posted.areas,
    audience: posted.audience,
    partyKinds: posted.partyKinds,
    namedPartyIds: posted.namedParties.map((party: { id: string }) => party.id),
    contactName: posted.contactName,
    contactDetails: posted.contactDetails,
    documentIds: posted.documents.map((document: { id: string }) => document.id),
    occasions: posted.occasions,
    proposals: posted.proposals.map(({ id, title, description }: Record<string, unknown>) => ({
      id,
      title,
      description,
    })),
    responseDeadline: posted.responseDeadline,
    registrationSeries:
      posted.kind === 'CONSULTATION' ? (posted.registrationNumber?.split(' ')[0] ?? 'KFN') : null,
    ...overrides,
  };
}
