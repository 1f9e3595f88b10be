import { SubmissionRole } from '@samverka/domain';

/** Who may put matters on the council's agenda and take them off, one line per rule. */
export const submissionSchedulingPolicy = {
  /**
   * Schedule and unschedule: the coordinator or a convener of Samverkansrådet (SubmissionRole.COORDINATOR from
   * submissionPolicy.roles), who are also exactly those who build the council's agendas.
   */
  coordinate: (roles: readonly SubmissionRole[]): boolean => roles.includes(SubmissionRole.COORDINATOR),
};

/** Which rule guards each scheduling mutation; the authorization matrix is generated from this table. */
export const SUBMISSION_SCHEDULING_MUTATION_RULES = {
  scheduleSubmission: 'coordinate',
  unscheduleSubmission: 'coordinate',
} as const satisfies Record<string, keyof typeof submissionSchedulingPolicy>;
