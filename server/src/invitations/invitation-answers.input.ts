import { Int } from 'type-graphql';
import { Input, Payload, field, id, text } from '../graphql/generated-types.js';
import { idOfType } from '../graphql/node.js';
import { InvitationOccasion } from './invitation-occasion.entity.js';
import { Invitation } from './invitation.entity.js';
import { OccasionParticipantView, participantIdOf } from './occasion-participant.type.js';
import { InvitationReplyView } from './invitation-reply.type.js';

export const ParticipantInput = Input('ParticipantInput', 'One participant a party registers.', {
  name: text('Their name, at most 200 characters.'),
  needs: field<string | null>(
    () => String,
    'Accessibility or dietary needs, at most 1 000 characters; only the inviting party sees them.',
    { nullable: true },
  ),
});
export type ParticipantInput = InstanceType<typeof ParticipantInput>;

export const RegisterForOccasionInput = Input(
  'RegisterForOccasionInput',
  'An invited party registers participants for an occasion.',
  {
    occasionId: id('The occasion.'),
    partyId: id('The invited party registering; the viewer is an active member of it.'),
    participants: field<ParticipantInput[]>(() => [ParticipantInput], 'The participants, 1–20, in order.'),
  },
);
export type RegisterForOccasionInput = InstanceType<typeof RegisterForOccasionInput>;

export const CancelOccasionParticipantInput = Input(
  'CancelOccasionParticipantInput',
  'Cancels a participant; a freed seat goes to the first on the waiting list.',
  { participantId: id('The participant (OccasionParticipant.id).') },
);
export type CancelOccasionParticipantInput = InstanceType<typeof CancelOccasionParticipantInput>;

export const ChangeOccasionCapacityInput = Input(
  'ChangeOccasionCapacityInput',
  'The inviting party changes the seats of an occasion.',
  {
    occasionId: id('The occasion.'),
    capacity: field<number | null>(() => Int, 'The seats, never below those taken; null: no limit.', {
      nullable: true,
    }),
  },
);
export type ChangeOccasionCapacityInput = InstanceType<typeof ChangeOccasionCapacityInput>;

const reply = {
  invitationId: id('The dialogue invitation.'),
  partyId: id('The invited party answering; the viewer is an active member of it.'),
};

export const GiveInvitationInputInput = Input(
  'GiveInvitationInputInput',
  'Written input from an invited party.',
  { ...reply, text: text('The input, at most 10 000 characters.') },
);
export type GiveInvitationInputInput = InstanceType<typeof GiveInvitationInputInput>;

export const DeclineInvitationInput = Input(
  'DeclineInvitationInput',
  'An invited party declines, saying why.',
  { ...reply, reason: text('Why the party declines, at most 10 000 characters.') },
);
export type DeclineInvitationInput = InstanceType<typeof DeclineInvitationInput>;

export const RegisterForOccasionPayload = Payload(
  'RegisterForOccasionPayload',
  'Result of a registration.',
  {
    occasion: field<InvitationOccasion | null>(
      () => InvitationOccasion,
      'The occasion after the registration; null when refused.',
      { nullable: true },
    ),
    participants: field<OccasionParticipantView[]>(
      () => [OccasionParticipantView],
      'The participants just registered, each with a seat or a place on the waiting list.',
    ),
  },
  'Why the registration was refused.',
);

export const OccasionPayload = Payload(
  'OccasionPayload',
  'Result of a change to an occasion’s participants or seats.',
  {
    occasion: field<InvitationOccasion | null>(
      () => InvitationOccasion,
      'The occasion after the change; null when refused.',
      { nullable: true },
    ),
  },
  'Why the change was refused.',
);

export const InvitationReplyPayload = Payload(
  'InvitationReplyPayload',
  'Result of written input or a decline.',
  {
    reply: field<InvitationReplyView | null>(() => InvitationReplyView, 'The answer; null when refused.', {
      nullable: true,
    }),
    invitation: field<Invitation | null>(() => Invitation, 'The invitation; null when refused.', {
      nullable: true,
    }),
  },
  'Why the answer was refused.',
);

export const occasionIdOf = (globalId: string) => idOfType(globalId, 'InvitationOccasion');
export const invitationIdOf = (globalId: string) => idOfType(globalId, 'Invitation');
export const partyIdOf = (globalId: string) => idOfType(globalId, 'Party');
export { participantIdOf };
