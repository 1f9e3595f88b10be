import { InvitationAction } from '@samverka/domain';

/**
 * Which rule guards each authoring mutation: `inviteFor` (an active member of a joined party posts for it), or
 * the workflow step whose roles in INVITATION_TRANSITIONS may take it. The services enforce it through
 * invitationPolicy; invitation-authoring-authorization.test.ts is generated from this table.
 */
export const INVITATION_AUTHORING_MUTATION_RULES = {
  createInvitationDraft: 'inviteFor',
  updateInvitation: InvitationAction.EDIT,
  publishInvitation: InvitationAction.PUBLISH,
  cancelInvitation: InvitationAction.CANCEL,
  closeInvitationRegistration: InvitationAction.CLOSE_REGISTRATION,
  markInvitationHeld: InvitationAction.MARK_HELD,
  closeInvitation: InvitationAction.CLOSE,
} as const satisfies Record<string, 'inviteFor' | InvitationAction>;
