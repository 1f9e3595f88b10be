import {
  AgendaItemStatus,
  MeetingStatus,
  type AgendaItemStatusValue,
  type MeetingStatusValue,
} from './enums.js';
import { currentAgendaItem } from './agenda-navigation.js';

export interface TimedAgendaItem {
  status: AgendaItemStatus | AgendaItemStatusValue;
  plannedMinutes: number;
  elapsedSeconds: number;
  /** ISO time the running stretch began; null while paused or not current. */
  timerStartedAt: string | null;
}

export interface TimedMeeting {
  status: MeetingStatus | MeetingStatusValue;
  startsAt: string;
  startedAt: string | null;
  /** ISO time the meeting was closed; a closed meeting ended then, whatever the plan said. */
  closedAt?: string | null;
  /**
   * The chair paused the clock. The server stops the item's timer on pause, but a snapshot may still carry
   * its start, so a paused meeting never counts the running stretch.
   */
  timerPaused?: boolean;
  agenda: readonly TimedAgendaItem[];
}

export interface AgendaTiming {
  /** Seconds spent on the current item, including the running stretch. */
  currentElapsedSeconds: number;
  currentPlannedSeconds: number;
  /** Seconds the current item runs over its plan (0 when within). */
  currentOverrunSeconds: number;
  /**
   * When the meeting will end: in progress, now plus what is left of the current item and of the pending
   * items' planned time; closed, its closing time; before the start, its start plus the plan.
   */
  projectedEnd: Date;
  /** When the meeting was planned to end: its start plus every item's planned time, deferred items excluded. */
  plannedEnd: Date;
  /** Minutes the projection runs past the planned end (negative when ahead). */
  overrunMinutes: number;
  /** Seconds the projection runs past the planned end (0 when on schedule or ahead). */
  overrunSeconds: number;
}

/**
 * Seconds an item has been current, counting the stretch since its timer last started unless the meeting's
 * clock is paused.
 */
export function itemElapsedSeconds(item: TimedAgendaItem, now: Date, paused = false): number {
  const running =
    item.timerStartedAt && !paused
      ? Math.max(0, (now.getTime() - Date.parse(item.timerStartedAt)) / 1000)
      : 0;
  return Math.floor(item.elapsedSeconds + running);
}

/** Seconds an item runs over its planned time (0 when within). */
export function itemOverrunSeconds(item: TimedAgendaItem, now: Date, paused = false): number {
  return Math.max(0, itemElapsedSeconds(item, now, paused) - item.plannedMinutes * 60);
}

/** Timing of a meeting at `now`; shared by the live view and the server's tests so both agree. */
export function agendaTiming(meeting: TimedMeeting, now: Date): AgendaTiming {
  const paused = meeting.timerPaused ?? false;
  const counted = meeting.agenda.filter((item) => item.status !== AgendaItemStatus.DEFERRED);
  const plannedSeconds = counted.reduce((sum, item) => sum + item.plannedMinutes * 60, 0);
  const start = new Date(meeting.startedAt ?? meeting.startsAt);
  const plannedEnd = new Date(Date.parse(meeting.startsAt) + plannedSeconds * 1000);
  const current = currentAgendaItem(meeting.agenda);
  const currentElapsedSeconds = current ? itemElapsedSeconds(current, now, paused) : 0;
  const currentPlannedSeconds = current ? current.plannedMinutes * 60 : 0;

  let projectedEnd: Date;
  if (meeting.status === MeetingStatus.IN_PROGRESS) {
    const remainingCurrent = Math.max(0, currentPlannedSeconds - currentElapsedSeconds);
    // A pending item may have been current before (left without an outcome): only what is left of it counts.
    const remainingPending = counted
      .filter((item) => item.status === AgendaItemStatus.PENDING)
      .reduce((sum, item) => sum + Math.max(0, item.plannedMinutes * 60 - item.elapsedSeconds), 0);
    projectedEnd = new Date(now.getTime() + (remainingCurrent + remainingPending) * 1000);
  } else if (meeting.status === MeetingStatus.CLOSED && meeting.closedAt) {
    projectedEnd = new Date(meeting.closedAt);
  } else {
    projectedEnd = new Date(start.getTime() + plannedSeconds * 1000);
  }
  const overrunMs = projectedEnd.getTime() - plannedEnd.getTime();
  return {
    currentElapsedSeconds,
    currentPlannedSeconds,
    currentOverrunSeconds: Math.max(0, currentElapsedSeconds - currentPlannedSeconds),
    projectedEnd,
    plannedEnd,
    overrunMinutes: Math.round(overrunMs / 60000),
    overrunSeconds: Math.max(0, Math.round(overrunMs / 1000)),
  };
}
