import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SubmissionAction, SubmissionStatus } from '@samverka/domain';
import type { Outbox } from '../outbox/outbox.js';
import { Submission } from './submission.entity.js';
import { recordSubmissionStep } from './submission-steps.js';

/**
 * What the meetings call when something happens to an agenda item that matters are scheduled on. Each runs in
 * the transaction of the meeting's change, after the meeting row is locked (the order scheduling takes too), so
 * a change rolled back leaves the matters as they were and no two writers of a matter can deadlock.
 */

/**
 * The live meeting recorded `decision` on the item: every matter scheduled on it is answered by it (ANSWERED,
 * the decision as the answer, no actor: the meeting). A decision changed later during the meeting changes the
 * answer of the matters it already answered, with a timeline entry of its own; answeredAt stays the first
 * answer's, since the time to answer is measured to it. A decision cleared answers nothing and leaves an earlier
 * answer as it was: the timeline keeps what the meeting said.
 */
export async function answerScheduledSubmissions(
  tx: EntityManager,
  outbox: Outbox | undefined,
  agendaItemId: string,
  decision: string | null,
): Promise<void> {
  if (!decision) return;
  const matters = await tx.find(
    Submission,
    { agendaItem: agendaItemId, status: { $in: [SubmissionStatus.SCHEDULED, SubmissionStatus.ANSWERED] } },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { registeredAt: 'asc', id: 'asc' } },
  );
  const now = new Date();
  for (const submission of matters) {
    if (submission.status === SubmissionStatus.ANSWERED && submission.answer === decision) continue;
    const fromStatus = submission.status;
    submission.status = SubmissionStatus.ANSWERED;
    submission.answer = decision;
    submission.answeredAt ??= now;
    await recordSubmissionStep(tx, outbox, {
      submission,
      action: SubmissionAction.RECORD_MEETING_ANSWER,
      fromStatus,
      actorId: null,
      text: decision,
      agendaItemId,
    });
  }
}

/**
 * The items will not be taken up (their meeting was cancelled, or an item was removed from the agenda): the
 * matters scheduled on them go back to REGISTERED, ready to be scheduled again, with `text` saying why on their
 * timeline. Matters the items already answered keep their answer.
 */
export async function returnScheduledSubmissions(
  tx: EntityManager,
  outbox: Outbox | undefined,
  what: { agendaItemIds: string[]; actorId: string | null; text: string },
): Promise<void> {
  if (what.agendaItemIds.length === 0) return;
  const matters = await tx.find(
    Submission,
    { agendaItem: { $in: what.agendaItemIds }, status: SubmissionStatus.SCHEDULED },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { registeredAt: 'asc', id: 'asc' } },
  );
  for (const submission of matters) {
    const agendaItemId = submission.agendaItem!.id;
    submission.status = SubmissionStatus.REGISTERED;
    submission.agendaItem = null;
    await recordSubmissionStep(tx, outbox, {
      submission,
      action: SubmissionAction.UNSCHEDULE,
      fromStatus: SubmissionStatus.SCHEDULED,
      actorId: what.actorId,
      text: what.text,
      agendaItemId,
    });
  }
}
