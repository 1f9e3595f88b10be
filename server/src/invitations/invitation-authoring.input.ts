import { ID, Int } from 'type-graphql';
import { Input, Payload, field, id, int, text } from '../graphql/generated-types.js';
import { idOfType, type NodeType } from '../graphql/node.js';
import { documentIdOf } from '../documents/document-file.type.js';
import { Invitation } from './invitation.entity.js';

/**
 * Enumerations and dates arrive as strings, so a wrong value is a field error beside its field in the payload,
 * as every other bad input is, rather than a request-level error.
 */
export const OccasionInput = Input('InvitationOccasionInput', 'One occasion of a dialogue invitation.', {
  id: field<string | null>(() => ID, 'The occasion kept; none for a new one.', { nullable: true }),
  startsAt: text('When it starts: an ISO 8601 instant, e.g. 2026-12-10T18:00:00+01:00.'),
  endsAt: text('When it ends: an ISO 8601 instant, after the start.'),
  mode: text('DIGITAL or IN_PERSON (OccasionMode).'),
  link: field<string | null>(() => String, 'A digital occasion’s link (https).', { nullable: true }),
  place: field<string | null>(() => String, 'An occasion’s place: address and room.', { nullable: true }),
  accessibility: field<string | null>(() => String, 'The place’s accessibility.', { nullable: true }),
  capacity: field<number | null>(() => Int, 'Seats, at least 1; none: no limit.', { nullable: true }),
  registrationClosesOn: text('The last day to register, YYYY-MM-DD, before the occasion starts.'),
});
export type OccasionInput = InstanceType<typeof OccasionInput>;

export const ProposalInput = Input('ConsultationProposalInput', 'One proposal a consultation asks about.', {
  id: field<string | null>(() => ID, 'The proposal kept; none for a new one.', { nullable: true }),
  title: text('The proposal, briefly; at most 300 characters.'),
  description: field<string | null>(() => String, 'What it means.', { nullable: true }),
});
export type ProposalInput = InstanceType<typeof ProposalInput>;

const content = {
  kind: text('DIALOGUE or CONSULTATION (InvitationKind); fixed once published.'),
  title: text('What it is about; at most 200 characters.'),
  process: text('The process it concerns; at most 300 characters.'),
  stage: text('The process’s stage now (ProcessStage).'),
  plannedDecisionOn: field<string | null>(() => String, 'When the process is planned to be decided.', {
    nullable: true,
  }),
  decidingBody: field<string | null>(() => String, 'Who decides, e.g. "Kommunstyrelsen".', {
    nullable: true,
  }),
  inputWanted: text('The input wanted; at most 10 000 characters.'),
  principles: field<string[]>(() => [String], 'The principles it concerns (PrincipleKey values).'),
  areas: field<string[]>(() => [String], 'The areas of interest it concerns.'),
  audience: text('Who is invited (InvitationAudience).'),
  partyKinds: field<string[]>(() => [String], 'With audience PARTY_KINDS: the kinds invited (PartyKind).'),
  namedPartyIds: field<string[]>(() => [ID], 'With audience NAMED_PARTIES: the parties invited.'),
  contactName: text('The contact person.'),
  contactDetails: text('The contact person’s e-mail address or phone number.'),
  documentIds: field<string[]>(() => [ID], 'Documents uploaded through POST /dokument, in order.'),
  occasions: field<OccasionInput[]>(
    () => [OccasionInput],
    'A dialogue’s occasions (one or more); a consultation has none. An occasion left out is removed.',
  ),
  proposals: field<ProposalInput[]>(
    () => [ProposalInput],
    'A consultation’s proposals, in order (one or more); a dialogue has none.',
  ),
  responseDeadline: field<string | null>(
    () => String,
    'A consultation’s last day for responses, YYYY-MM-DD, not after the planned decision.',
    { nullable: true },
  ),
  registrationSeries: field<string | null>(
    () => String,
    'A consultation’s registration series (the deciding body’s, e.g. "Ks"); fixed once published.',
    { nullable: true },
  ),
};

export const CreateInvitationDraftInput = Input(
  'CreateInvitationDraftInput',
  'A new invitation, as a draft of a joined party.',
  { partyId: id('The inviting party; the viewer is an active member of it.'), ...content },
);
export type CreateInvitationDraftInput = InstanceType<typeof CreateInvitationDraftInput>;

const step = {
  invitationId: id('The invitation.'),
  expectedVersion: int('The version seen; a newer one refuses the step.'),
};

export const UpdateInvitationInput = Input(
  'UpdateInvitationInput',
  'The whole content of a draft, or of a published invitation.',
  { ...step, ...content },
);
export type UpdateInvitationInput = InstanceType<typeof UpdateInvitationInput>;

export const InvitationStepInput = Input(
  'InvitationStepInput',
  'Names an invitation and the version seen.',
  step,
);
export type InvitationStepInput = InstanceType<typeof InvitationStepInput>;

export const CancelInvitationInput = Input(
  'CancelInvitationInput',
  'Calls an invitation off; those registered are told why.',
  { ...step, reason: text('Why it is called off; at most 10 000 characters.') },
);
export type CancelInvitationInput = InstanceType<typeof CancelInvitationInput>;

export const InvitationPayload = Payload(
  'InvitationPayload',
  'Result of writing or stepping an invitation.',
  {
    invitation: field<Invitation | null>(
      () => Invitation,
      'The invitation after the step; null when refused.',
      {
        nullable: true,
      },
    ),
  },
  'Why it was refused.',
);

const optionalId = (globalId: string | null | undefined, type: NodeType) =>
  globalId === null || globalId === undefined ? null : (idOfType(globalId, type) ?? '');

/** The service's view of the content: global ids become uuids ('' or null when not one of the right type). */
export function invitationContentOf(input: CreateInvitationDraftInput | UpdateInvitationInput) {
  return {
    kind: input.kind,
    title: input.title,
    process: input.process,
    stage: input.stage,
    plannedDecisionOn: input.plannedDecisionOn ?? null,
    decidingBody: input.decidingBody ?? null,
    inputWanted: input.inputWanted,
    principles: input.principles,
    areas: input.areas,
    audience: input.audience,
    partyKinds: input.partyKinds,
    namedPartyIds: input.namedPartyIds.map((partyId) => idOfType(partyId, 'Party')),
    contactName: input.contactName,
    contactDetails: input.contactDetails,
    documentIds: input.documentIds.map(documentIdOf),
    occasions: input.occasions.map((occasion) => ({
      ...occasion,
      id: optionalId(occasion.id, 'InvitationOccasion'),
    })),
    proposals: input.proposals.map((proposal) => ({
      ...proposal,
      id: optionalId(proposal.id, 'ConsultationProposal'),
    })),
    responseDeadline: input.responseDeadline ?? null,
    registrationSeries: input.registrationSeries ?? null,
  };
}

export const invitationIdOf = (globalId: string) => idOfType(globalId, 'Invitation');
export const partyIdOf = (globalId: string) => idOfType(globalId, 'Party');
