import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SUBMISSION_LIMITS, SubmissionStatus, UserErrorCode, normaliseText } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { tooLongError, userError } from '../graphql/user-error.js';
import { publishLiveEvent, submissionTopic } from '../live/publish.js';
import type { Outbox } from '../outbox/outbox.js';
import { viewerSubmissionFacts, type ViewerSubmissionFacts } from './submission-access.js';
import { SubmissionFollow } from './submission-follow.entity.js';
import { submissionMatterPolicy } from './submission-matter.policy.js';
import { SubmissionMessage, SubmissionMessageVisibility } from './submission-message.entity.js';
import { findVisibleSubmission } from './submission.queries.js';
import { recordSubmissionStep } from './submission-steps.js';
import type { Submission } from './submission.entity.js';
import type { SubmissionMessageEntry } from './submission-matter.types.js';
import { notifySubmissionMessage } from '../notifications/notification-fanout.js';

export interface MatterTextInput {
  /** The matter's uuid, or null when the global id was not one. */
  submissionId: string | null;
  body: string;
}

type MatterRule = keyof typeof submissionMatterPolicy;

/** Signed in, the matter visible, the rule met: the matter and the viewer's facts; otherwise refused. */
async function matterFor(
  tx: EntityManager,
  viewer: Viewer | null,
  submissionId: string | null,
  rule: MatterRule,
) {
  if (!viewer) throw unauthenticated();
  const submission = submissionId ? await findVisibleSubmission(tx, viewer, submissionId) : null;
  if (!submission) throw userError('submissionId', 'Ärendet finns inte.', UserErrorCode.NOT_FOUND);
  const facts = await viewerSubmissionFacts(tx, viewer);
  if (!submissionMatterPolicy[rule](facts, submission)) throw forbidden();
  return { submission, facts };
}

/** A message, note or comment: trimmed, 1 to SUBMISSION_LIMITS.text characters. */
function checkedBody(body: string): string {
  const text = normaliseText(body);
  if (!text) throw userError('body', 'Skriv något.', UserErrorCode.REQUIRED);
  if (text.length > SUBMISSION_LIMITS.text) throw tooLongError('body', SUBMISSION_LIMITS.text);
  return text;
}

/** Nothing is said about a draft: it is still the party's own. */
function refuseDraft(submission: Submission) {
  if (submission.status === SubmissionStatus.DRAFT)
    throw userError(
      'submissionId',
      'Ärendet är ett utkast som inte har skickats in.',
      UserErrorCode.INVALID_TRANSITION,
    );
}

/**
 * Writes a message of the conversation or an internal note, and tells the matter's page, in the caller's
 * transaction. The one place every message passes: who is told of a message (notifications) is added here.
 */
export async function recordSubmissionMessage(
  tx: EntityManager,
  outbox: Outbox | undefined,
  message: {
    submission: Submission;
    visibility: SubmissionMessageVisibility;
    authorId: string;
    body: string;
  },
): Promise<SubmissionMessage> {
  const row = tx.create(SubmissionMessage, {
    submission: message.submission,
    visibility: message.visibility,
    author: message.authorId,
    body: message.body,
  });
  await tx.flush();
  await publishLiveEvent(tx, {
    topic: submissionTopic(message.submission.id),
    kind: message.visibility === SubmissionMessageVisibility.CONVERSATION ? 'MESSAGE' : 'NOTE',
    subjectId: message.submission.id,
  });
  await notifySubmissionMessage(tx, outbox, {
    submissionId: message.submission.id,
    authorId: message.authorId,
    visibility: message.visibility,
  });
  return row;
}

async function postMessage(
  em: EntityManager,
  outbox: Outbox | undefined,
  viewer: Viewer | null,
  input: MatterTextInput,
  visibility: SubmissionMessageVisibility,
) {
  return em.transactional(async (tx) => {
    const rule = visibility === SubmissionMessageVisibility.CONVERSATION ? 'converse' : 'note';
    const { submission } = await matterFor(tx, viewer, input.submissionId, rule);
    const body = checkedBody(input.body);
    refuseDraft(submission);
    const message = await recordSubmissionMessage(tx, outbox, {
      submission,
      visibility,
      authorId: viewer!.id,
      body,
    });
    const entry: SubmissionMessageEntry = {
      id: message.id,
      body: message.body,
      authorName: viewer!.name,
      postedAt: message.postedAt,
    };
    return { submission, message: entry };
  });
}

/** The submitting party, the coordinator or the handler writes in the matter's conversation. */
export function postSubmissionMessage(
  em: EntityManager,
  outbox: Outbox | undefined,
  viewer: Viewer | null,
  input: MatterTextInput,
) {
  return postMessage(em, outbox, viewer, input, SubmissionMessageVisibility.CONVERSATION);
}

/** The coordinator or a council member adds an internal note. */
export function addSubmissionNote(
  em: EntityManager,
  outbox: Outbox | undefined,
  viewer: Viewer | null,
  input: MatterTextInput,
) {
  return postMessage(em, outbox, viewer, input, SubmissionMessageVisibility.INTERNAL_NOTE);
}

/** The coordinator or the handler comments publicly: an entry of the timeline without a step. */
export function commentOnSubmission(
  em: EntityManager,
  outbox: Outbox | undefined,
  viewer: Viewer | null,
  input: MatterTextInput,
) {
  return em.transactional(async (tx) => {
    const { submission, facts } = await matterFor(tx, viewer, input.submissionId, 'comment');
    const text = checkedBody(input.body);
    refuseDraft(submission);
    await recordSubmissionStep(tx, outbox, {
      submission,
      action: null,
      actorId: viewer!.id,
      partyId: handlingParty(facts, submission),
      text,
    });
    return submission;
  });
}

/** The department the commenter speaks for when they are its handler rather than the coordinator. */
function handlingParty(facts: ViewerSubmissionFacts, submission: Submission): string | null {
  const department = submission.referredTo?.id;
  return !facts.coordinates && department && facts.handles.has(department) ? department : null;
}

/**
 * Follows or stops following. Idempotent, also when the same person clicks twice at once: the row says what
 * the person chose, kept only where it differs from the default (the submitting party's people follow without
 * a row; one of them stopping writes `following` false).
 */
export function setFollowing(
  em: EntityManager,
  viewer: Viewer | null,
  submissionId: string | null,
  following: boolean,
) {
  return em.transactional(async (tx) => {
    const { submission, facts } = await matterFor(tx, viewer, submissionId, 'follow');
    const byDefault = facts.parties.has(submission.party.id);
    if (following === byDefault) {
      await tx.nativeDelete(SubmissionFollow, { person: viewer!.id, submission: submission.id });
    } else {
      await tx.getConnection().execute(
        `insert into submission_follow (id, person_id, submission_id, following, since) values (?, ?, ?, ?, now())
         on conflict (person_id, submission_id) do update set following = excluded.following`,
        [randomUUID(), viewer!.id, submission.id, following],
        'run',
        tx.getTransactionContext(),
      );
    }
    return submission;
  });
}
