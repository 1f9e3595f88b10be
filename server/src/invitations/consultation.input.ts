import { ID, InputType, Field, Int } from 'type-graphql';
import { Input, Payload, field, flag, id, int, text } from '../graphql/generated-types.js';
import { Invitation } from './invitation.entity.js';
import { ConsultationResponseView } from './consultation.types.js';

/** Stances and verdicts arrive as strings, so a wrong value is a field error beside its field. */
@InputType('ConsultationPositionInput', { description: 'The response’s view of one proposal.' })
export class ConsultationPositionInput {
  @Field(() => ID, { description: 'The proposal (ConsultationProposal id).' })
  proposalId!: string;

  @Field(() => String, { description: 'SUPPORTS, OPPOSES or NO_VIEW (ProposalStance).' })
  stance!: string;

  @Field(() => String, { nullable: true, description: 'What the party says about it; optional.' })
  text?: string | null;
}

export const SaveConsultationResponseInput = Input(
  'SaveConsultationResponseInput',
  'A party’s whole response to a consultation; it replaces the party’s earlier one until the deadline.',
  {
    invitationId: id('The consultation.'),
    partyId: id('The party responding; the viewer is an active member of it, and it is invited.'),
    expectedVersion: field<number | null>(
      () => Int,
      'The version of the party’s response seen; null when the party has not responded yet.',
      { nullable: true },
    ),
    text: field<string | null>(() => String, 'The general text, at most 10 000 characters.', {
      nullable: true,
    }),
    withheld: flag('Do not publish the response after the deadline.'),
    positions: field<ConsultationPositionInput[]>(
      () => [ConsultationPositionInput],
      'A view of every proposal of the consultation, each once.',
    ),
    documentIds: field<string[]>(() => [ID], 'Documents uploaded through POST /dokument, in order.'),
  },
);
export type SaveConsultationResponseInput = InstanceType<typeof SaveConsultationResponseInput>;

@InputType('PositionVerdictInput', { description: 'The compilation’s answer to one point of a response.' })
export class PositionVerdictInput {
  @Field(() => ID, { description: 'The proposal the point is about (ConsultationProposal id).' })
  proposalId!: string;

  @Field(() => String, { description: 'ADOPTED, PARTLY_ADOPTED or NOT_ADOPTED (CompilationVerdict).' })
  verdict!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why; required unless ADOPTED. At most 10 000 characters.',
  })
  verdictReason?: string | null;
}

export const JudgeConsultationResponseInput = Input(
  'JudgeConsultationResponseInput',
  'The compilation’s whole answer to one response: as a whole, point by point, or both.',
  {
    responseId: id('The response (ConsultationResponse id).'),
    expectedVersion: int('The consultation’s version seen; a newer one refuses the change.'),
    verdict: field<string | null>(
      () => String,
      'The answer to the response as a whole (CompilationVerdict); null when answered point by point.',
      { nullable: true },
    ),
    verdictReason: field<string | null>(
      () => String,
      'Why; required with PARTLY_ADOPTED and NOT_ADOPTED. At most 10 000 characters.',
      { nullable: true },
    ),
    positions: field<PositionVerdictInput[]>(
      () => [PositionVerdictInput],
      'Answers to single points; points not named are left unanswered.',
    ),
  },
);
export type JudgeConsultationResponseInput = InstanceType<typeof JudgeConsultationResponseInput>;

export const PublishConsultationCompilationInput = Input(
  'PublishConsultationCompilationInput',
  'Publishes the compilation (remissammanställning) once every response is answered.',
  {
    invitationId: id('The consultation.'),
    expectedVersion: int('The version seen; a newer one refuses the step.'),
    summary: text('The compilation’s summary, at most 10 000 characters.'),
  },
);
export type PublishConsultationCompilationInput = InstanceType<typeof PublishConsultationCompilationInput>;

export const SaveConsultationResponsePayload = Payload(
  'SaveConsultationResponsePayload',
  'Result of saving a consultation response.',
  {
    response: field<object | null>(() => ConsultationResponseView, 'The response saved; null when refused.', {
      nullable: true,
    }),
    invitation: field<Invitation | null>(() => Invitation, 'The consultation; null when refused.', {
      nullable: true,
    }),
  },
  'Why the response was not saved.',
);

export const JudgeConsultationResponsePayload = Payload(
  'JudgeConsultationResponsePayload',
  'Result of answering a response in the compilation.',
  {
    response: field<object | null>(
      () => ConsultationResponseView,
      'The response answered; null when refused.',
      {
        nullable: true,
      },
    ),
    invitation: field<Invitation | null>(() => Invitation, 'The consultation; null when refused.', {
      nullable: true,
    }),
  },
  'Why the answer was refused.',
);

export const ConsultationCompilationPayload = Payload(
  'ConsultationCompilationPayload',
  'Result of publishing a consultation’s compilation.',
  {
    invitation: field<Invitation | null>(() => Invitation, 'The consultation; null when refused.', {
      nullable: true,
    }),
  },
  'Why the compilation was not published.',
);
