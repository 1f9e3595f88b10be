import { randomUUID } from 'node:crypto';
import {
  AccessionStatus,
  InvitationAction,
  InvitationAudience,
  InvitationKind,
  InvitationReplyKind,
  InvitationStatus,
  NotificationKind,
  OccasionMode,
  ParticipantStatus,
  PartyKind,
  ProcessStage,
} from '@samverka/domain';
import type { RunningSamverka } from '../src/app.js';
import { Accession } from '../src/accession/accession.entity.js';
import { Party } from '../src/parties/party.entity.js';
import { Invitation } from '../src/invitations/invitation.entity.js';
import { InvitationInvitee } from '../src/invitations/invitation-invitee.entity.js';
import { InvitationOccasion } from '../src/invitations/invitation-occasion.entity.js';
import { OccasionParticipant } from '../src/invitations/occasion-participant.entity.js';
import { InvitationReply } from '../src/invitations/invitation-reply.entity.js';
import { ConsultationResponse } from '../src/invitations/consultation-response.entity.js';
import { recordInvitationStep } from '../src/invitations/invitation-steps.js';
import { toGlobalId } from '../src/graphql/node.js';
import type { GraphQLResponse, TestServer } from './helpers.js';

type Running = Pick<RunningSamverka, 'orm' | 'outbox'>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Tables a feedback step may write: a refused one leaves them all as they were. */
export const FEEDBACK_TABLES = ['invitation', 'invitation_event', 'notification', 'live_event'];

/** A party of a kind and areas of interest, joined to the agreement unless said otherwise; its uuid. */
export async function kindOfParty(
  server: Running,
  options: { kind?: PartyKind; areas?: string[]; joined?: boolean } = {},
): Promise<string> {
  const em = server.orm.em.fork();
  const party = em.create(Party, {
    name: `Part ${randomUUID().slice(0, 8)}`,
    kind: options.kind ?? PartyKind.NETWORK,
    areasOfInterest: options.areas ?? [],
  });
  if (options.joined ?? true) {
    em.create(Accession, {
      party,
      status: AccessionStatus.APPROVED,
      requestedAt: new Date(),
      decidedAt: new Date(),
      affirmsDemocraticOrganisation: true,
      affirmsValues: true,
      affirmsPrinciples: true,
      affirmsCommitments: true,
    });
  }
  await em.flush();
  return party.id;
}

/** An invitation of the party (uuid) in a status, as the authoring and clock steps would leave it. */
export async function invitationRow(
  server: Running,
  partyId: string,
  options: {
    kind?: InvitationKind;
    status?: InvitationStatus;
    audience?: InvitationAudience;
    partyKinds?: PartyKind[];
    areas?: string[];
    namedPartyIds?: string[];
    title?: string;
    registrationNumber?: string | null;
    concludesAt?: Date | null;
    publishedAt?: Date | null;
    responseDeadline?: string | null;
    feedbackPublishedAt?: Date | null;
  } = {},
) {
  const em = server.orm.em.fork();
  const status = options.status ?? InvitationStatus.HELD;
  const invitation = em.create(Invitation, {
    party: partyId,
    kind: options.kind ?? InvitationKind.DIALOGUE,
    title: options.title ?? `Dialog om fritidsplanen ${randomUUID().slice(0, 6)}`,
    process: 'Ny fritidsplan 2027',
    stage: ProcessStage.INVESTIGATION,
    inputWanted: 'Hur når vi unga som inte är med i någon förening?',
    areas: options.areas ?? [],
    audience: options.audience ?? InvitationAudience.ALL_PARTIES,
    partyKinds: options.partyKinds ?? [],
    contactName: 'Kim Kontakt',
    contactDetails: 'kim@exempel.se',
    status,
    registrationNumber: options.registrationNumber ?? null,
    responseDeadline: options.responseDeadline ?? null,
    publishedAt:
      options.publishedAt !== undefined
        ? options.publishedAt
        : status === InvitationStatus.DRAFT
          ? null
          : new Date(Date.now() - 20 * DAY_MS),
    concludesAt: options.concludesAt !== undefined ? options.concludesAt : new Date(Date.now() - 2 * DAY_MS),
    feedbackPublishedAt: options.feedbackPublishedAt ?? null,
  });
  for (const named of options.namedPartyIds ?? []) {
    em.create(InvitationInvitee, { invitation, party: named });
  }
  await em.flush();
  return {
    id: invitation.id,
    globalId: toGlobalId('Invitation', invitation.id),
    version: invitation.version,
  };
}

/** An occasion of the invitation (uuid); its uuid. */
export async function occasionRow(server: Running, invitationId: string): Promise<string> {
  const em = server.orm.em.fork();
  const occasion = em.create(InvitationOccasion, {
    invitation: invitationId,
    startsAt: new Date(Date.now() - 3 * DAY_MS),
    endsAt: new Date(Date.now() - 3 * DAY_MS + 2 * 3600 * 1000),
    mode: OccasionMode.DIGITAL,
    link: 'https://mote.exempel.se/fritid',
    capacity: 10,
    registrationClosesOn: new Date(Date.now() - 5 * DAY_MS).toISOString().slice(0, 10),
  });
  await em.flush();
  return occasion.id;
}

let sequence = 0;

/** A participant the party (uuid) registered for the occasion (uuid); its uuid. */
export async function participantRow(
  server: Running,
  occasionId: string,
  partyId: string,
  status = ParticipantStatus.REGISTERED,
): Promise<string> {
  const em = server.orm.em.fork();
  const participant = em.create(OccasionParticipant, {
    occasion: occasionId,
    party: partyId,
    name: 'Sam Deltagare',
    status,
    sequence: ++sequence,
  });
  await em.flush();
  return participant.id;
}

/** The party's (uuid) written input or decline on the invitation (uuid). */
export async function replyRow(
  server: Running,
  invitationId: string,
  partyId: string,
  kind: InvitationReplyKind,
) {
  const em = server.orm.em.fork();
  em.create(InvitationReply, { invitation: invitationId, party: partyId, kind, text: 'Våra synpunkter.' });
  await em.flush();
}

/** The party's (uuid) response to the consultation (uuid). */
export async function responseRow(server: Running, invitationId: string, partyId: string) {
  const em = server.orm.em.fork();
  em.create(ConsultationResponse, { invitation: invitationId, party: partyId, text: 'Vi tillstyrker.' });
  await em.flush();
}

/**
 * Takes a step on an invitation as a mutation would: the status changes and recordInvitationStep records it
 * with the real outbox and the notification asked for, in one transaction.
 */
export async function invitationStep(
  server: Running,
  invitationId: string,
  step: {
    action: InvitationAction;
    notify?: NotificationKind;
    to?: InvitationStatus;
    actorId?: string | null;
    text?: string;
    seatedParticipantIds?: string[];
  },
) {
  await server.orm.em.fork().transactional(async (tx) => {
    const invitation = await tx.findOneOrFail(Invitation, invitationId);
    const fromStatus = invitation.status;
    if (step.to) invitation.status = step.to;
    await recordInvitationStep(tx, server.outbox, {
      invitation,
      action: step.action,
      fromStatus,
      actorId: step.actorId ?? null,
      text: step.text ?? null,
      notify: step.notify,
      seatedParticipantIds: step.seatedParticipantIds,
    });
  });
}

/** The invitation fields the feedback tests read. */
export const FEEDBACK_FIELDS = 'id version status feedback feedbackPublishedAt feedbackOverdue';

/** Runs publishInvitationFeedback; `res.data.publishInvitationFeedback` is its payload. */
export function publishFeedback(
  server: TestServer,
  input: Record<string, unknown>,
  cookie?: string,
): Promise<GraphQLResponse<Record<string, any>>> {
  return server.gql(
    `mutation($input: PublishInvitationFeedbackInput!) { publishInvitationFeedback(input: $input) {
      invitation { ${FEEDBACK_FIELDS} } errors { field code message max } } }`,
    { input },
    cookie,
  );
}
