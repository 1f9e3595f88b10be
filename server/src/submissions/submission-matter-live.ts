import { GraphQLError } from 'graphql';
import type { LiveField } from '../live/live-hub.js';
import { submissionTopic } from '../live/publish.js';
import { idOfType } from '../graphql/node.js';
import { Submission } from './submission.entity.js';
import { submissionPolicy, viewerSubmissionFacts } from './submission-access.js';
import { findVisibleSubmission } from './submission.queries.js';
import { cosigningPartyIds } from './submission-loaders.js';
import type { SubmissionChangedEvent } from './submission-matter.types.js';

function notFound(): GraphQLError {
  return new GraphQLError('Ärendet finns inte. / No such matter.', { extensions: { code: 'NOT_FOUND' } });
}

/**
 * A matter's page, live. A matter the viewer may not know of (another party's draft) is as absent as a missing
 * one. The role names what of the matter the viewer may read, so viewers who read the same share one answer.
 */
export const submissionChangedField: LiveField<SubmissionChangedEvent> = {
  fieldName: 'submissionChanged',
  subjectType: 'Submission',

  async open(em, viewer, args) {
    const submissionId =
      typeof args.submissionId === 'string' ? idOfType(args.submissionId, 'Submission') : null;
    const submission = submissionId ? await findVisibleSubmission(em, viewer, submissionId) : null;
    if (!submission) throw notFound();
    const [facts, cosigned] = await Promise.all([
      viewerSubmissionFacts(em, viewer),
      cosigningPartyIds(em, submission.id),
    ]);
    const reads = [
      submissionPolicy.seeContent(facts, submission) ? 'content' : 'public',
      submissionPolicy.converse(facts, submission) ? 'conversation' : null,
      submissionPolicy.seeInternalNotes(facts, submission) ? 'notes' : null,
    ];
    const role = [...submissionPolicy.roles(facts, submission, cosigned), ...reads].filter(Boolean).join(',');
    return { topic: submissionTopic(submission.id), subjectId: submission.id, role };
  },

  async rootFor(em, event) {
    const submission = event.subjectId ? await em.findOne(Submission, event.subjectId) : null;
    return submission ? { cursor: event.sequence, kind: event.kind, submission } : null;
  },
};
