import { SubmissionAction } from '@samverka/domain';

/**
 * Which rule guards each workflow mutation: `draftFor` (an active member of a joined party drafts for it), or
 * the workflow step whose roles in SUBMISSION_TRANSITIONS may take it. The services enforce it through
 * submissionPolicy; submission-lifecycle-authorization.test.ts is generated from this table.
 */
export const SUBMISSION_LIFECYCLE_MUTATION_RULES = {
  createSubmissionDraft: 'draftFor',
  updateSubmissionDraft: SubmissionAction.EDIT,
  submitSubmission: SubmissionAction.SUBMIT,
  withdrawSubmission: SubmissionAction.WITHDRAW,
  returnSubmissionForCompletion: SubmissionAction.RETURN_FOR_COMPLETION,
  registerSubmission: SubmissionAction.REGISTER,
  declineSubmission: SubmissionAction.DECLINE,
  referSubmission: SubmissionAction.REFER,
  answerSubmissionInWriting: SubmissionAction.ANSWER_IN_WRITING,
  closeSubmission: SubmissionAction.CLOSE,
  cosignSubmission: SubmissionAction.COSIGN,
  decideSubmissionPublication: SubmissionAction.DECIDE_PUBLICATION,
} as const satisfies Record<string, 'draftFor' | SubmissionAction>;
