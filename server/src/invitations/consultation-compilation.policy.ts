import { InvitationAction } from '@samverka/domain';

/**
 * Which rule guards each compilation mutation: COMPILE, the inviting party's members once the deadline has
 * passed. The service enforces it through invitationPolicy; invitation-consultations-authorization.test.ts
 * is generated from this table.
 */
export const CONSULTATION_COMPILATION_MUTATION_RULES = {
  judgeConsultationResponse: InvitationAction.COMPILE,
  publishConsultationCompilation: InvitationAction.COMPILE,
} as const satisfies Record<string, InvitationAction>;
