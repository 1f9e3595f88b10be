import { ref } from '@mikro-orm/core';
import {
  InvitationAction,
  InvitationAudience,
  InvitationKind,
  InvitationStatus,
  ProcessStage,
  stockholmDate,
} from '@samverka/domain';
import { Party } from '../src/parties/party.entity.js';
import { Invitation } from '../src/invitations/invitation.entity.js';
import { InvitationInvitee } from '../src/invitations/invitation-invitee.entity.js';
import { ConsultationProposal } from '../src/invitations/consultation-proposal.entity.js';
import { recordInvitationStep } from '../src/invitations/invitation-steps.js';
import { uuidOf } from './accounts-fixtures.js';
import type { GraphQLResponse, TestServer } from './helpers.js';

/** Tables a response or compilation step may write: a refused one leaves them all as they were. */
export const CONSULTATION_TABLES = [
  'invitation',
  'invitation_event',
  'consultation_response',
  'consultation_position',
  'document',
  'document_attachment',
  'live_event',
  'notification',
];

export const RESPONSE_FIELDS = `id version text withheld submittedAt verdict verdictReason
  party { id name } documents { id name }
  positions { stance text verdict verdictReason proposal { id position title } }`;

const INPUT_TYPES: Record<string, string> = {
  saveConsultationResponse: 'SaveConsultationResponseInput',
  judgeConsultationResponse: 'JudgeConsultationResponseInput',
  publishConsultationCompilation: 'PublishConsultationCompilationInput',
};

/** Runs one consultation mutation; `res.data[mutation]` is its payload. */
export function consultationStep(
  server: TestServer,
  mutation: string,
  input: Record<string, unknown>,
  cookie?: string,
): Promise<GraphQLResponse<Record<string, any>>> {
  const response = mutation === 'publishConsultationCompilation' ? '' : `response { ${RESPONSE_FIELDS} }`;
  return server.gql(
    `mutation($input: ${INPUT_TYPES[mutation]}!) { ${mutation}(input: $input) {
      ${response} invitation { id version status compilationSummary compilationPublishedAt responseCount }
      errors { field code message max } } }`,
    { input },
    cookie,
  );
}

/** A step that must succeed: its payload, or the test fails with the errors. */
export async function consultationStepOk(
  server: TestServer,
  mutation: string,
  input: Record<string, unknown>,
  cookie?: string,
) {
  const res = await consultationStep(server, mutation, input, cookie);
  const payload = res.data?.[mutation];
  if (!payload?.invitation) throw new Error(`${mutation} failed: ${JSON.stringify(res.errors ?? payload)}`);
  return payload as { response?: any; invitation: any; errors: [] };
}

/** A date some days from today in Stockholm, YYYY-MM-DD. */
export function stockholmDaysFromToday(days: number): string {
  return stockholmDate(new Date(Date.now() + days * 24 * 3600 * 1000));
}

export interface Consultation {
  id: string;
  uuid: string;
  proposalIds: string[];
}

/**
 * A consultation of the inviting party for the named parties, put in place directly (posting one is another
 * part's mutation): published with a deadline ahead unless told otherwise, with `proposals` proposals.
 */
export async function consultation(
  server: TestServer,
  options: {
    inviterId: string;
    namedPartyIds: string[];
    status?: InvitationStatus;
    responseDeadline?: string;
    proposals?: number;
  },
): Promise<Consultation> {
  const em = server.orm.em.fork();
  const invitation = em.create(Invitation, {
    party: em.getReference(Party, uuidOf(options.inviterId)),
    kind: InvitationKind.CONSULTATION,
    title: 'Remiss: Ny kultur- och fritidsplan',
    process: 'Kultur- och fritidsplan 2027',
    stage: ProcessStage.PROPOSAL,
    inputWanted: 'Vad tycker ni om förslagen?',
    contactName: 'Karin Kontakt',
    contactDetails: 'karin@kommun.example',
    audience: InvitationAudience.NAMED_PARTIES,
    status: options.status ?? InvitationStatus.PUBLISHED,
    responseDeadline: options.responseDeadline ?? stockholmDaysFromToday(30),
    publishedAt: new Date(),
  });
  for (const partyId of options.namedPartyIds) {
    em.create(InvitationInvitee, { invitation, party: em.getReference(Party, uuidOf(partyId)) });
  }
  // The proposal's `globalId` getter is no column; built and persisted, as em.create would want it given.
  const proposals = Array.from({ length: options.proposals ?? 2 }, (_, index) => {
    const proposal = Object.assign(new ConsultationProposal(), {
      invitation: ref(invitation),
      position: index + 1,
      title: `Förslag ${index + 1}`,
      description: 'Så här föreslår vi.',
    });
    em.persist(proposal);
    return proposal;
  });
  await em.flush();
  return { id: invitation.globalId, uuid: invitation.id, proposalIds: proposals.map((p) => p.globalId) };
}

/** The deadline passes: the clock's PASS_DEADLINE step, its live event clearing the public answers. */
export async function passDeadline(server: TestServer, target: Consultation): Promise<void> {
  await server.orm.em.fork().transactional(async (tx) => {
    const invitation = await tx.findOneOrFail(Invitation, target.uuid);
    const fromStatus = invitation.status;
    invitation.status = InvitationStatus.DEADLINE_PASSED;
    invitation.responseDeadline = stockholmDaysFromToday(-1);
    await recordInvitationStep(tx, undefined, {
      invitation,
      action: InvitationAction.PASS_DEADLINE,
      fromStatus,
      actorId: null,
    });
  });
}

/** The consultation's current version, as the inviter's page would read it. */
export async function versionOf(server: TestServer, target: Consultation, cookie?: string): Promise<number> {
  const res = await server.gql(
    'query($id: ID!) { invitation(id: $id) { version } }',
    { id: target.id },
    cookie,
  );
  return res.data!.invitation.version;
}

/** A valid response of a party to the consultation. */
export function responseInput(
  target: Consultation,
  partyId: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    invitationId: target.id,
    partyId,
    expectedVersion: null,
    text: 'Vi välkomnar planen.',
    withheld: false,
    positions: target.proposalIds.map((proposalId, index) => ({
      proposalId,
      stance: index % 2 ? 'OPPOSES' : 'SUPPORTS',
      text: `Om förslag ${index + 1}.`,
    })),
    documentIds: [],
    ...overrides,
  };
}
