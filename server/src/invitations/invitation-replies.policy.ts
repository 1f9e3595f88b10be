import { InvitationAction } from '@samverka/domain';

/**
 * Which workflow step guards each written answer to a dialogue invitation; the services enforce it through
 * INVITATION_TRANSITIONS, invitation-answers-authorization.test.ts is generated from this table.
 */
export const INVITATION_REPLIES_MUTATION_RULES = {
  giveInvitationInput: InvitationAction.REPLY,
  declineInvitation: InvitationAction.REPLY,
} as const satisfies Record<string, InvitationAction>;
