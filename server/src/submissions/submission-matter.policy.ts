import { submissionPolicy, type ViewerSubmissionFacts } from './submission-access.js';
import type { Submission } from './submission.entity.js';

const ownParty = (facts: ViewerSubmissionFacts, submission: Submission) =>
  facts.parties.has(submission.party.id);
const handles = (facts: ViewerSubmissionFacts, submission: Submission) =>
  !!submission.referredTo && facts.handles.has(submission.referredTo.id);

/**
 * Who may write on a matter's page, by who they are toward it. Whether the matter's status allows it now (not a
 * draft) is a workflow question the services answer with a field error, as for the workflow's own steps.
 */
export const submissionMatterPolicy = {
  /** Write in the conversation: the submitting party's people, the coordinator and the handler. */
  converse: (facts: ViewerSubmissionFacts, submission: Submission): boolean =>
    ownParty(facts, submission) || facts.coordinates || handles(facts, submission),
  /** Add an internal note: the coordinator and the council's members. */
  note: (facts: ViewerSubmissionFacts): boolean => facts.coordinates || facts.councilMember,
  /** Comment publicly on the timeline: those who speak for the council on the matter, the coordinator and the handler. */
  comment: (facts: ViewerSubmissionFacts, submission: Submission): boolean =>
    facts.coordinates || handles(facts, submission),
  /** Follow or stop following: anyone signed in who may read the matter's content. */
  follow: (facts: ViewerSubmissionFacts, submission: Submission): boolean =>
    !!facts.viewer && submissionPolicy.seeContent(facts, submission),
};

/** Which rule of the matter policy guards each mutation of the matter's page; the matrix test runs this table. */
export const SUBMISSION_MATTER_MUTATION_RULES = {
  postSubmissionMessage: 'converse',
  addSubmissionNote: 'note',
  commentOnSubmission: 'comment',
  followSubmission: 'follow',
  unfollowSubmission: 'follow',
} as const satisfies Record<string, keyof typeof submissionMatterPolicy>;
