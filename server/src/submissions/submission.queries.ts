import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../graphql/context.js';
import { Submission } from './submission.entity.js';
import type { SubmissionAction } from '@samverka/domain';
import { submissionPolicy, viewerSubmissionFacts } from './submission-access.js';
import { cosigningPartyIds } from './submission-loaders.js';

/** A matter the viewer may know of, or null (a draft of another party is as absent as a missing one). */
export async function findVisibleSubmission(
  em: EntityManager,
  viewer: Viewer | null,
  id: string,
): Promise<Submission | null> {
  const [submission, facts] = await Promise.all([
    em.findOne(Submission, id),
    viewerSubmissionFacts(em, viewer),
  ]);
  return submission && submissionPolicy.see(facts, submission) ? submission : null;
}

/** The matter itself when the viewer may read its content, else null (a restricted matter shows number and status). */
export async function readableContent(
  em: EntityManager,
  viewer: Viewer | null,
  submission: Submission,
): Promise<Submission | null> {
  return submissionPolicy.seeContent(await viewerSubmissionFacts(em, viewer), submission) ? submission : null;
}

/** The workflow steps the viewer may take on the matter now. */
export async function viewerSubmissionActions(
  em: EntityManager,
  viewer: Viewer | null,
  submission: Submission,
): Promise<SubmissionAction[]> {
  const [facts, cosigned] = await Promise.all([
    viewerSubmissionFacts(em, viewer),
    cosigningPartyIds(em, submission.id),
  ]);
  return submissionPolicy.actions(facts, submission, cosigned);
}
