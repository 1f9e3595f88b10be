import type { EntityManager } from '@mikro-orm/postgresql';
import { SubmissionStatus, type SubmissionAction } from '@samverka/domain';
import {
  partySubmissionsTopic,
  publishLiveEvent,
  SUBMISSIONS_TOPIC,
  submissionTopic,
} from '../live/publish.js';
import type { Outbox } from '../outbox/outbox.js';
import { notifySubmissionStep } from '../notifications/notification-fanout.js';
import { SubmissionEvent } from './submission-event.entity.js';
import type { Submission } from './submission.entity.js';

/** A step in a matter's life, as the timeline records it and its watchers hear of it. */
export interface SubmissionStep {
  submission: Submission;
  /** The workflow step; null for a public comment. */
  action: SubmissionAction | null;
  fromStatus?: SubmissionStatus | null;
  /** Who took it; null for the meeting's decision. */
  actorId: string | null;
  /** The party acted for (co-signing party, referred department). */
  partyId?: string | null;
  /** The reason, the answer or the comment. */
  text?: string | null;
  agendaItemId?: string | null;
}

/**
 * Records a step in the writing transaction: its timeline entry, the live events of the matter's page and of
 * the lists, and the notifications (and their mails, through the outbox) of those who follow the matter. Every
 * change of a matter passes through here, so the timeline misses no status change and no follower misses a step.
 */
export async function recordSubmissionStep(
  tx: EntityManager,
  outbox: Outbox | undefined,
  step: SubmissionStep,
) {
  const { submission } = step;
  submission.updatedAt = new Date();
  tx.create(SubmissionEvent, {
    submission,
    action: step.action,
    fromStatus: step.fromStatus ?? null,
    toStatus: step.action ? submission.status : null,
    actor: step.actorId,
    party: step.partyId ?? null,
    text: step.text ?? null,
    agendaItem: step.agendaItemId ?? null,
  });
  await tx.flush();
  const kind = step.action ?? 'COMMENT';
  await publishLiveEvent(tx, { topic: submissionTopic(submission.id), kind, subjectId: submission.id });
  await publishLiveEvent(tx, {
    topic: partySubmissionsTopic(submission.party.id),
    kind,
    subjectId: submission.id,
  });
  // A draft is private to its party (its page's topic is read only by those who may see it): the stream of
  // every matter, which anyone may follow, hears of it only once it is submitted.
  if (submission.status !== SubmissionStatus.DRAFT) {
    await publishLiveEvent(tx, { topic: SUBMISSIONS_TOPIC, kind, subjectId: submission.id });
  }
  await notifySubmissionStep(tx, outbox, step);
}
