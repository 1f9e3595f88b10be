import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MeetingStatus, TEXT_LIMITS, UserErrorCode, normaliseText } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { tooLongError, userError } from '../graphql/user-error.js';
import { Person } from '../accounts/person.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { meetingPolicy } from '../meetings/meeting.policy.js';
import { NoticeAnswer, type NoticeAnswerChoice } from './notice-answer.entity.js';
import { isInvited, noticeAnswerRows, type NoticeAnswerRow } from './notice-answers.queries.js';
import { noticePolicy, type NoticeAccessFacts } from './notice.policy.js';

export interface AnswerNoticeInput {
  /** The meeting's uuid; null when the given id was not a meeting's. */
  meetingId: string | null;
  choice: NoticeAnswerChoice;
  comment?: string | null;
}

async function factsOf(
  em: EntityManager,
  viewer: Viewer | null,
  meeting: Meeting,
): Promise<NoticeAccessFacts> {
  return {
    status: meeting.status,
    chairId: meeting.chair?.id ?? null,
    forumId: meeting.forum.id,
    viewerInvited: !!viewer && (await isInvited(em, meeting.id, viewer.id)),
  };
}

/**
 * A member answers whether she comes, and may change the answer until the meeting starts. The meeting row
 * is held (FOR SHARE) while the answer is written, so an answer cannot slip in after the chair started it.
 */
export async function answerNotice(em: EntityManager, viewer: Viewer | null, input: AnswerNoticeInput) {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const meeting = input.meetingId
      ? await tx.findOne(Meeting, input.meetingId, { lockMode: LockMode.PESSIMISTIC_READ })
      : null;
    if (
      !meeting ||
      !meetingPolicy.see(viewer, {
        status: meeting.status,
        chairId: meeting.chair?.id ?? null,
        forumId: meeting.forum.id,
      })
    ) {
      throw userError('meetingId', 'Mötet finns inte.', UserErrorCode.NOT_FOUND);
    }
    if (!noticePolicy.answer(viewer, await factsOf(tx, viewer, meeting))) throw forbidden();
    if (meeting.status !== MeetingStatus.AGENDA_PUBLISHED || meeting.startsAt <= new Date()) {
      throw userError(
        'meetingId',
        meeting.status === MeetingStatus.DRAFT
          ? 'Kallelsen är inte skickad än.'
          : meeting.status === MeetingStatus.CANCELLED
            ? 'Mötet är inställt.'
            : 'Mötet har redan börjat; svaret kan inte längre ändras.',
        UserErrorCode.INVALID_TRANSITION,
      );
    }
    const comment = normaliseText(input.comment);
    if (comment && comment.length > TEXT_LIMITS.noticeAnswerComment) {
      throw tooLongError('comment', TEXT_LIMITS.noticeAnswerComment);
    }
    const answeredAt = new Date();
    // One statement (insert … on conflict update), so two first answers at once do not collide.
    await tx.upsert(
      NoticeAnswer,
      {
        id: randomUUID(),
        meeting,
        person: tx.getReference(Person, viewer.id),
        choice: input.choice,
        comment,
        answeredAt,
      },
      { onConflictFields: ['meeting', 'person'], onConflictExcludeFields: ['id'] },
    );
    return { personId: viewer.id, name: viewer.name, choice: input.choice, comment, answeredAt };
  });
}

/** The viewer's own answer, or null when they have not answered. */
export async function viewerNoticeAnswer(
  em: EntityManager,
  viewer: Viewer | null,
  meetingId: string,
): Promise<NoticeAnswerRow | null> {
  if (!viewer) return null;
  const answer = await em.findOne(NoticeAnswer, { meeting: meetingId, person: viewer.id });
  return answer
    ? {
        personId: viewer.id,
        name: viewer.name,
        choice: answer.choice,
        comment: answer.comment ?? null,
        answeredAt: answer.answeredAt,
      }
    : null;
}

/** Whether the notice goes to the viewer, so the page offers them the answer buttons. */
export async function viewerInvited(em: EntityManager, viewer: Viewer | null, meetingId: string) {
  return !!viewer && isInvited(em, meetingId, viewer.id);
}

/** Who answered what, for those who run the meeting; null for everyone else. */
export async function noticeAnswersFor(
  em: EntityManager,
  viewer: Viewer | null,
  meeting: { id: string; status: MeetingStatus; chairId: string | null; forumId: string },
): Promise<NoticeAnswerRow[] | null> {
  if (!noticePolicy.seeAnswers(viewer, { ...meeting, viewerInvited: false })) return null;
  return noticeAnswerRows(em, meeting.id);
}
