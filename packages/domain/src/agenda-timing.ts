import { AgendaItemStatus, MeetingStatus } from './enums.js';

export interface TimedAgendaItem {
  status: AgendaItemStatus;
  plannedMinutes: number;
  elapsedSeconds: number;
  /** ISO time the running stretch began; null while paused or not current. */
  timerStartedAt: string | null;
}

export interface TimedMeeting {
  status: MeetingStatus;
  startsAt: string;
  startedAt: string | null;
  agenda: readonly TimedAgendaItem[];
}

export interface AgendaTiming {
  /** Seconds spent on the current item, including the running stretch. */
  currentElapsedSeconds: number;
  currentPlannedSeconds: number;
  /** Seconds the current item runs over its plan (0 when within). */
  currentOverrunSeconds: number;
  /** When the meeting will end if the remaining items take their planned time. */
  projectedEnd: Date;
  /** When the meeting was planned to end: its start plus every item's planned time, deferred items excluded. */
  plannedEnd: Date;
  /** Minutes the projection runs past the planned end (negative when ahead). */
  overrunMinutes: number;
}

/** Seconds an item has been current, counting the stretch since its timer last started. */
export function itemElapsedSeconds(item: TimedAgendaItem, now: Date): number {
  const running = item.timerStartedAt
    ? Math.max(0, (now.getTime() - Date.parse(item.timerStartedAt)) / 1000)
    : 0;
  return Math.floor(item.elapsedSeconds + running);
}

/** Timing of a meeting at `now`; shared by the live view and the server's tests so both agree. */
export function agendaTiming(meeting: TimedMeeting, now: Date): AgendaTiming {
  const counted = meeting.agenda.filter((item) => item.status !== AgendaItemStatus.DEFERRED);
  const plannedSeconds = counted.reduce((sum, item) => sum + item.plannedMinutes * 60, 0);
  const start = new Date(meeting.startedAt ?? meeting.startsAt);
  const plannedEnd = new Date(Date.parse(meeting.startsAt) + plannedSeconds * 1000);
  const current = meeting.agenda.find((item) => item.status === AgendaItemStatus.CURRENT);
  const currentElapsedSeconds = current ? itemElapsedSeconds(current, now) : 0;
  const currentPlannedSeconds = current ? current.plannedMinutes * 60 : 0;

  let projectedEnd: Date;
  if (meeting.status === MeetingStatus.IN_PROGRESS) {
    const remainingCurrent = Math.max(0, currentPlannedSeconds - currentElapsedSeconds);
    const remainingPending = counted
      .filter((item) => item.status === AgendaItemStatus.PENDING)
      .reduce((sum, item) => sum + item.plannedMinutes * 60, 0);
    projectedEnd = new Date(now.getTime() + (remainingCurrent + remainingPending) * 1000);
  } else {
    projectedEnd = new Date(start.getTime() + plannedSeconds * 1000);
  }
  return {
    currentElapsedSeconds,
    currentPlannedSeconds,
    currentOverrunSeconds: Math.max(0, currentElapsedSeconds - currentPlannedSeconds),
    projectedEnd,
    plannedEnd,
    overrunMinutes: Math.round((projectedEnd.getTime() - plannedEnd.getTime()) / 60000),
  };
}
