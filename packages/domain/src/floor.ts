import { MeetingStatus, type MeetingStatusValue } from './enums.js';

/** Where a person stands in a meeting's attendance (närvaro). */
export enum AttendanceState {
  /** Not recorded present (or the roll call was undone). */
  ABSENT = 'ABSENT',
  PRESENT = 'PRESENT',
  /** Was present and left during the meeting. */
  LEFT = 'LEFT',
}

/** What the chair records about one person. */
export enum AttendanceChange {
  /** Roll call: present from the start of the meeting. */
  PRESENT_AT_START = 'PRESENT_AT_START',
  /** Undoes a roll call made by mistake, before the meeting starts. */
  NOT_PRESENT_AT_START = 'NOT_PRESENT_AT_START',
  /** Came during the meeting. */
  ARRIVED = 'ARRIVED',
  /** Left during the meeting. */
  LEFT = 'LEFT',
}

/** Which change may follow which state, in which meeting status, and the state it leads to. */
export const ATTENDANCE_CHANGES: Readonly<
  Record<
    AttendanceChange,
    { from: readonly AttendanceState[]; to: AttendanceState; meeting: readonly MeetingStatus[] }
  >
> = {
  [AttendanceChange.PRESENT_AT_START]: {
    from: [AttendanceState.ABSENT],
    to: AttendanceState.PRESENT,
    meeting: [MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.IN_PROGRESS],
  },
  [AttendanceChange.NOT_PRESENT_AT_START]: {
    from: [AttendanceState.PRESENT],
    to: AttendanceState.ABSENT,
    meeting: [MeetingStatus.AGENDA_PUBLISHED],
  },
  [AttendanceChange.ARRIVED]: {
    from: [AttendanceState.ABSENT, AttendanceState.LEFT],
    to: AttendanceState.PRESENT,
    meeting: [MeetingStatus.IN_PROGRESS],
  },
  [AttendanceChange.LEFT]: {
    from: [AttendanceState.PRESENT],
    to: AttendanceState.LEFT,
    meeting: [MeetingStatus.IN_PROGRESS],
  },
};

export function canRecordAttendance(
  meeting: MeetingStatus | MeetingStatusValue,
  state: AttendanceState | `${AttendanceState}`,
  change: AttendanceChange | `${AttendanceChange}`,
): boolean {
  const rule = ATTENDANCE_CHANGES[change as AttendanceChange];
  return (
    (rule.meeting as readonly string[]).includes(meeting) && (rule.from as readonly string[]).includes(state)
  );
}

/** The state after a person's recorded changes, oldest first. */
export function attendanceState(
  changes: readonly (AttendanceChange | `${AttendanceChange}`)[],
): AttendanceState {
  return changes.reduce<AttendanceState>(
    (_, change) => ATTENDANCE_CHANGES[change as AttendanceChange].to,
    AttendanceState.ABSENT,
  );
}

/** Where a speaker (talare) is on an item's speakers' list (talarlista). */
export enum SpeakerStatus {
  WAITING = 'WAITING',
  SPEAKING = 'SPEAKING',
  DONE = 'DONE',
  WITHDRAWN = 'WITHDRAWN',
}

/** What can be done on a speakers' list. */
export enum FloorAction {
  /** Ask for the floor on the current item. */
  REQUEST = 'REQUEST',
  /** Take back one's own request before getting the floor. */
  WITHDRAW = 'WITHDRAW',
  /** The chair gives the floor to a waiting speaker. */
  GIVE = 'GIVE',
  /** The chair ends a speech. */
  END = 'END',
  /** The chair takes a waiting request off the list. */
  REMOVE = 'REMOVE',
}

/**
 * The speakers' list as a table: who may act (a rule of the meeting policy: `takePart` is a forum member or
 * anyone recorded present, `chair` the chair or the coordinator), from which speaker status (null: a new
 * request) to which. Only while the meeting is in progress; only one speaker speaks at a time.
 */
export const FLOOR_ACTIONS: Readonly<
  Record<FloorAction, { by: 'takePart' | 'chair'; from: SpeakerStatus | null; to: SpeakerStatus }>
> = {
  [FloorAction.REQUEST]: { by: 'takePart', from: null, to: SpeakerStatus.WAITING },
  [FloorAction.WITHDRAW]: { by: 'takePart', from: SpeakerStatus.WAITING, to: SpeakerStatus.WITHDRAWN },
  [FloorAction.GIVE]: { by: 'chair', from: SpeakerStatus.WAITING, to: SpeakerStatus.SPEAKING },
  [FloorAction.END]: { by: 'chair', from: SpeakerStatus.SPEAKING, to: SpeakerStatus.DONE },
  [FloorAction.REMOVE]: { by: 'chair', from: SpeakerStatus.WAITING, to: SpeakerStatus.WITHDRAWN },
};

/** The meeting statuses in which the speakers' list is open. */
export const FLOOR_OPEN_IN: readonly MeetingStatus[] = [MeetingStatus.IN_PROGRESS];

export function canTakeFloorAction(
  meeting: MeetingStatus | MeetingStatusValue,
  action: FloorAction,
  speaker: SpeakerStatus | `${SpeakerStatus}` | null,
): boolean {
  return (FLOOR_OPEN_IN as readonly string[]).includes(meeting) && FLOOR_ACTIONS[action].from === speaker;
}

/** The time limit per speaker a chair may set, in seconds (none at all is also allowed). */
export const SPEAKING_TIME_LIMIT = { min: 15, max: 3600 } as const;

export function isSpeakingTimeLimit(seconds: number): boolean {
  return (
    Number.isInteger(seconds) && seconds >= SPEAKING_TIME_LIMIT.min && seconds <= SPEAKING_TIME_LIMIT.max
  );
}
