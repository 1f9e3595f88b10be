import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ParticipantStatus } from '@samverka/domain';
import { Party } from '../parties/party.entity.js';

/** Participants are addressed by an opaque id of their own: base64url of "OccasionParticipant:uuid". */
const PARTICIPANT_PREFIX = 'OccasionParticipant:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const participantGlobalId = (id: string) =>
  Buffer.from(`${PARTICIPANT_PREFIX}${id}`).toString('base64url');

/** The uuid of a participant's opaque id; null when it is not one. */
export function participantIdOf(globalId: string): string | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  if (!decoded.startsWith(PARTICIPANT_PREFIX)) return null;
  const id = decoded.slice(PARTICIPANT_PREFIX.length);
  return UUID.test(id) ? id : null;
}

/** A participant as the answer fields show them: to their own party, or to the inviting party. */
@ObjectType('OccasionParticipant', {
  description: 'A participant a party registered for an occasion: a seat or a waiting place.',
})
export class OccasionParticipantView {
  @Field(() => ID, { description: 'Opaque id, for cancelling.' })
  id!: string;

  /** The uuid, for the party field. */
  partyId!: string;

  @Field(() => String, { description: 'The name the party gave.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Accessibility or dietary needs; shown to the inviting party and to the participant’s own.',
  })
  needs!: string | null;

  @Field(() => ParticipantStatus, { description: 'A seat, or the waiting list.' })
  status!: ParticipantStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'On the waiting list: the place in it, from 1; null with a seat.',
  })
  waitingPosition!: number | null;

  @Field(() => Date, { description: 'When the party registered them.' })
  registeredAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When they moved up from the waiting list to a seat.' })
  seatedAt!: Date | null;
}

/** The party of a participant, for the field resolver. */
export type ParticipantWithParty = OccasionParticipantView & { party?: Party };
