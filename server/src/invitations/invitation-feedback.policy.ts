import { InvitationAction } from '@samverka/domain';

/**
 * Which rule guards each feedback mutation: the workflow step whose roles in INVITATION_TRANSITIONS may take
 * it. The service enforces it through invitationPolicy; invitation-feedback-authorization.test.ts is
 * generated from this table.
 */
export const INVITATION_FEEDBACK_MUTATION_RULES = {
  publishInvitationFeedback: InvitationAction.PUBLISH_FEEDBACK,
} as const satisfies Record<string, InvitationAction>;
