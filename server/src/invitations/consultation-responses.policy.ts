import { InvitationAction } from '@samverka/domain';

/**
 * Which rule guards each response mutation: the workflow step whose roles in INVITATION_TRANSITIONS may take
 * it (RESPOND: a member of a joined party the consultation is for). The service enforces it through
 * invitationPolicy; invitation-consultations-authorization.test.ts is generated from this table.
 */
export const CONSULTATION_RESPONSE_MUTATION_RULES = {
  saveConsultationResponse: InvitationAction.RESPOND,
} as const satisfies Record<string, InvitationAction>;
