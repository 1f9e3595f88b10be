import { Field, Int, ObjectType } from 'type-graphql';
import { ProposalStance } from '@samverka/domain';
import type { Invitation } from './invitation.entity.js';
import type { ConsultationResponse } from './consultation-response.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A response's opaque id, in the form of the global ids ("ConsultationResponse:uuid", base64url). */
export function responseGlobalId(id: string): string {
  return Buffer.from(`ConsultationResponse:${id}`).toString('base64url');
}

/** The uuid of a response's opaque id, or null when it is not one. */
export function responseIdOf(globalId: string): string | null {
  const [type, id] = Buffer.from(globalId, 'base64url').toString('utf8').split(':');
  return type === 'ConsultationResponse' && id && UUID.test(id) ? id : null;
}

/**
 * A party's response to a consultation (remissvar), as the schema shows it; resolved from the entity, whose
 * party, documents, positions and verdicts are field resolvers (consultation-responses.resolver.ts).
 */
@ObjectType('ConsultationResponse', {
  description: 'A party’s response to a consultation (remissvar), and how the compilation answered it.',
})
export class ConsultationResponseView {
  @Field(() => String, { nullable: true, description: 'The response’s general text.' })
  text?: string | null;

  @Field(() => Boolean, { description: 'The party asked that the response not be published.' })
  withheld!: boolean;

  @Field(() => Date, { description: 'When the response was first given.' })
  submittedAt!: Date;

  @Field(() => Date, { description: 'When the response was last changed.' })
  updatedAt!: Date;

  @Field(() => Int, {
    description: 'Changes with every change of the response; saving again passes it back.',
  })
  version!: number;
}

/** A response's view of one proposal, and the compilation's answer to it. */
@ObjectType('ConsultationPosition', {
  description: 'A response’s view of one proposal (tillstyrker, avstyrker, ingen synpunkt).',
})
export class ConsultationPositionView {
  @Field(() => ProposalStance, { description: 'Supports, opposes, or has no view of the proposal.' })
  stance!: ProposalStance;

  @Field(() => String, { nullable: true, description: 'What the party says about the proposal.' })
  text?: string | null;
}

/** Declared here so the verdict fields of both types share one description. */
export const VERDICT_DESCRIPTION =
  'How the compilation answered it; null until judged, and for others than the inviter until published.';
export const VERDICT_REASON_DESCRIPTION =
  'Why it was adopted only partly or not; null when none, and for others than the inviter until published.';

/** What a response mutation answers with: the response and its consultation, both null when refused. */
export interface ResponseChange {
  response: ConsultationResponse | null;
  invitation: Invitation | null;
}
