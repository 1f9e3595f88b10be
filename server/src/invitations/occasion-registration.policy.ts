import { InvitationAction } from '@samverka/domain';

/**
 * Which rule guards each registration mutation: a workflow step whose roles in INVITATION_TRANSITIONS may take
 * it, or `cancelParticipant` (a member of the participant's party or of the inviting party). The services
 * enforce it; invitation-answers-authorization.test.ts is generated from this table.
 */
export const OCCASION_REGISTRATION_MUTATION_RULES = {
  registerForOccasion: InvitationAction.REGISTER,
  cancelOccasionParticipant: 'cancelParticipant',
  changeOccasionCapacity: InvitationAction.MANAGE_OCCASIONS,
} as const satisfies Record<string, 'cancelParticipant' | InvitationAction>;
