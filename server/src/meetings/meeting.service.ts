import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AgendaItemStatus,
  MeetingAction,
  MeetingEventKind,
  MeetingStatus,
  TEXT_LIMITS,
  UserErrorCode,
  canMoveAgendaItem,
  canTakeMeetingAction,
  currentAgendaItem,
  nextPendingItem,
  previousItem,
  normaliseText,
  statusWhenLeft,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { tooLongError, userError } from '../graphql/user-error.js';
import { meetingTopic, publishLiveEvent } from '../live/publish.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Meeting } from './meeting.entity.js';
import { meetingPolicy } from './meeting.policy.js';
import { accessFactsOf } from './meeting.queries.js';
import { stopTimer } from './agenda-timer.js';
import type { Outbox } from '../outbox/outbox.js';
import { MeetingNoticeReason, recordMeetingNotice } from './meeting-notice.js';
import { answerScheduledSubmissions } from '../submissions/submission-scheduling-hooks.js';

/** Every chair action names the meeting and the version its author saw. */
export interface ChairActionInput {
  /** The meeting's uuid; null when the given id was not a meeting's. */
  meetingId: string | null;
  expectedVersion: number;
}

export interface AgendaItemActionInput extends ChairActionInput {
  /** The agenda item's uuid; null when the given id was not an agenda item's. */
  agendaItemId: string | null;
}

export interface RecordOutcomeInput extends AgendaItemActionInput {
  decision?: string | null;
  minute?: string | null;
}

interface Locked {
  meeting: Meeting;
  agenda: AgendaItem[];
  now: Date;
}

/**
 * The frame of every chair action, in one transaction: lock the meeting row, check who acts, the version they
 * saw and the workflow, apply the change, bump the version and publish the live event. Two chairs acting at
 * once are serialised by the lock; the second finds a newer version and gets STALE_VERSION.
 */
async function chairAction(
  em: EntityManager,
  viewer: Viewer | null,
  input: ChairActionInput,
  action: MeetingAction,
  apply: (locked: Locked, tx: EntityManager) => MeetingEventKind,
  /** What else the change causes, in its transaction once it is flushed (the notice mails). */
  effects?: (tx: EntityManager, meeting: Meeting) => Promise<unknown>,
): Promise<Meeting> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const meeting = input.meetingId
      ? await tx.findOne(Meeting, input.meetingId, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!meeting) throw userError('meetingId', 'Mötet finns inte.', UserErrorCode.NOT_FOUND);
    if (!meetingPolicy.chair(viewer, accessFactsOf(meeting))) throw forbidden();
    if (meeting.version !== input.expectedVersion) {
      throw userError(
        'expectedVersion',
        'Mötet har just ändrats av någon annan. Visa det senaste läget och försök igen.',
        UserErrorCode.STALE_VERSION,
      );
    }
    if (!canTakeMeetingAction(meeting.status, action)) {
      throw userError(
        '',
        'Det går inte att göra så med mötet i det här läget.',
        UserErrorCode.INVALID_TRANSITION,
      );
    }
    const agenda = await meeting.agenda.loadItems({ dataloader: false });
    const kind = apply({ meeting, agenda, now: new Date() }, tx);
    meeting.version++;
    await tx.flush();
    await publishLiveEvent(tx, { topic: meetingTopic(meeting.id), kind, subjectId: meeting.id });
    await effects?.(tx, meeting);
    return meeting;
  });
}

function itemOf(agenda: AgendaItem[], agendaItemId: string | null): AgendaItem {
  const item = agenda.find((candidate) => candidate.id === agendaItemId);
  if (!item)
    throw userError('agendaItemId', 'Punkten finns inte på mötets dagordning.', UserErrorCode.NOT_FOUND);
  return item;
}

/**
 * The current item is left: its timer is banked, and it is done if it has an outcome, otherwise it goes back
 * to the upcoming items (statusWhenLeft). Its banked time keeps counting when it is taken up again.
 */
function leave(item: AgendaItem, now: Date): void {
  stopTimer(item, now);
  item.status = statusWhenLeft(item);
}

/** Makes `target` the current item, leaving the one that was current. */
function makeCurrent({ meeting, agenda, now }: Locked, target: AgendaItem): MeetingEventKind {
  const current = currentAgendaItem(agenda);
  if (current === target || !canMoveAgendaItem(target.status, AgendaItemStatus.CURRENT)) {
    throw userError('agendaItemId', 'Punkten kan inte bli aktuell nu.', UserErrorCode.INVALID_TRANSITION);
  }
  if (current) leave(current, now);
  target.status = AgendaItemStatus.CURRENT;
  target.timerStartedAt = meeting.timerPaused ? null : now;
  return MeetingEventKind.CURRENT_ITEM_CHANGED;
}

/** Publishing the agenda is the notice (kallelse): the forum's members are mailed after commit. */
export function publishAgenda(
  em: EntityManager,
  viewer: Viewer | null,
  input: ChairActionInput,
  outbox: Outbox,
) {
  return chairAction(
    em,
    viewer,
    input,
    MeetingAction.PUBLISH_AGENDA,
    ({ meeting, agenda }) => {
      if (agenda.length === 0) {
        throw userError(
          '',
          'Dagordningen är tom; lägg till punkter först.',
          UserErrorCode.INVALID_TRANSITION,
        );
      }
      meeting.status = MeetingStatus.AGENDA_PUBLISHED;
      return MeetingEventKind.AGENDA_PUBLISHED;
    },
    (tx, meeting) => recordMeetingNotice(tx, outbox, meeting.id, MeetingNoticeReason.PUBLISHED),
  );
}

export function startMeeting(em: EntityManager, viewer: Viewer | null, input: ChairActionInput) {
  return chairAction(em, viewer, input, MeetingAction.START, (locked) => {
    const { meeting, agenda, now } = locked;
    meeting.status = MeetingStatus.IN_PROGRESS;
    meeting.startedAt = now;
    meeting.timerPaused = false;
    const first = agenda.find((item) => item.status === AgendaItemStatus.PENDING);
    if (first) makeCurrent(locked, first);
    return MeetingEventKind.MEETING_STARTED;
  });
}

export function moveToNextAgendaItem(em: EntityManager, viewer: Viewer | null, input: ChairActionInput) {
  return chairAction(em, viewer, input, MeetingAction.MOVE_TO_NEXT_ITEM, (locked) => {
    const next = nextPendingItem(locked.agenda);
    if (!next) throw userError('', 'Det finns ingen nästa punkt.', UserErrorCode.INVALID_TRANSITION);
    return makeCurrent(locked, next);
  });
}

export function moveToPreviousAgendaItem(em: EntityManager, viewer: Viewer | null, input: ChairActionInput) {
  return chairAction(em, viewer, input, MeetingAction.MOVE_TO_PREVIOUS_ITEM, (locked) => {
    const previous = previousItem(locked.agenda);
    if (!previous) throw userError('', 'Det finns ingen föregående punkt.', UserErrorCode.INVALID_TRANSITION);
    return makeCurrent(locked, previous);
  });
}

export function makeAgendaItemCurrent(
  em: EntityManager,
  viewer: Viewer | null,
  input: AgendaItemActionInput,
) {
  return chairAction(em, viewer, input, MeetingAction.MAKE_ITEM_CURRENT, (locked) =>
    makeCurrent(locked, itemOf(locked.agenda, input.agendaItemId)),
  );
}

export function pauseAgendaTimer(em: EntityManager, viewer: Viewer | null, input: ChairActionInput) {
  return chairAction(em, viewer, input, MeetingAction.PAUSE_TIMER, ({ meeting, agenda, now }) => {
    if (meeting.timerPaused) throw userError('', 'Tiden är redan pausad.', UserErrorCode.INVALID_TRANSITION);
    const current = currentAgendaItem(agenda);
    if (current) stopTimer(current, now);
    meeting.timerPaused = true;
    return MeetingEventKind.TIMER_PAUSED;
  });
}

export function resumeAgendaTimer(em: EntityManager, viewer: Viewer | null, input: ChairActionInput) {
  return chairAction(em, viewer, input, MeetingAction.RESUME_TIMER, ({ meeting, agenda, now }) => {
    if (!meeting.timerPaused) throw userError('', 'Tiden går redan.', UserErrorCode.INVALID_TRANSITION);
    const current = currentAgendaItem(agenda);
    if (current) current.timerStartedAt = now;
    meeting.timerPaused = false;
    return MeetingEventKind.TIMER_RESUMED;
  });
}

/**
 * Records the decision and/or minute of an item. A decision answers the matters scheduled on the item, in the
 * same transaction (answerScheduledSubmissions), so a decision rolled back answers nothing.
 */
export function recordAgendaItemOutcome(
  em: EntityManager,
  viewer: Viewer | null,
  input: RecordOutcomeInput,
  outbox?: Outbox,
) {
  const decision = normaliseText(input.decision);
  const minute = normaliseText(input.minute);
  const answerMatters = (tx: EntityManager) =>
    input.decision === undefined || !input.agendaItemId
      ? Promise.resolve()
      : answerScheduledSubmissions(tx, outbox, input.agendaItemId, decision);
  return chairAction(
    em,
    viewer,
    input,
    MeetingAction.RECORD_OUTCOME,
    ({ agenda }) => {
      if (input.decision === undefined && input.minute === undefined) {
        throw userError('decision', 'Skriv ett beslut eller en anteckning.', UserErrorCode.REQUIRED);
      }
      if (decision && decision.length > TEXT_LIMITS.decision) {
        throw tooLongError(
          'decision',
          TEXT_LIMITS.decision,
          `Beslutet får vara högst ${TEXT_LIMITS.decision} tecken.`,
        );
      }
      if (minute && minute.length > TEXT_LIMITS.minute) {
        throw tooLongError(
          'minute',
          TEXT_LIMITS.minute,
          `Anteckningen får vara högst ${TEXT_LIMITS.minute} tecken.`,
        );
      }
      const item = itemOf(agenda, input.agendaItemId);
      if (input.decision !== undefined) item.decision = decision;
      if (input.minute !== undefined) item.minute = minute;
      return MeetingEventKind.OUTCOME_RECORDED;
    },
    answerMatters,
  );
}

export function completeAgendaItem(em: EntityManager, viewer: Viewer | null, input: AgendaItemActionInput) {
  return chairAction(em, viewer, input, MeetingAction.COMPLETE_ITEM, ({ agenda, now }) => {
    const item = itemOf(agenda, input.agendaItemId);
    if (!canMoveAgendaItem(item.status, AgendaItemStatus.DONE)) {
      throw userError(
        'agendaItemId',
        'Bara den aktuella punkten kan markeras som klar.',
        UserErrorCode.INVALID_TRANSITION,
      );
    }
    stopTimer(item, now);
    item.status = AgendaItemStatus.DONE;
    return MeetingEventKind.ITEM_COMPLETED;
  });
}

export function deferAgendaItem(em: EntityManager, viewer: Viewer | null, input: AgendaItemActionInput) {
  return chairAction(em, viewer, input, MeetingAction.DEFER_ITEM, ({ agenda, now }) => {
    const item = itemOf(agenda, input.agendaItemId);
    if (!canMoveAgendaItem(item.status, AgendaItemStatus.DEFERRED)) {
      throw userError('agendaItemId', 'Punkten kan inte bordläggas nu.', UserErrorCode.INVALID_TRANSITION);
    }
    stopTimer(item, now);
    item.status = AgendaItemStatus.DEFERRED;
    return MeetingEventKind.ITEM_DEFERRED;
  });
}

export function closeMeeting(em: EntityManager, viewer: Viewer | null, input: ChairActionInput) {
  return chairAction(em, viewer, input, MeetingAction.CLOSE, ({ meeting, agenda, now }) => {
    const current = currentAgendaItem(agenda);
    if (current) leave(current, now);
    meeting.status = MeetingStatus.CLOSED;
    meeting.closedAt = now;
    meeting.timerPaused = false;
    return MeetingEventKind.MEETING_CLOSED;
  });
}
