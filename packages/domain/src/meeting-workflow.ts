import {
  AgendaItemStatus,
  MeetingStatus,
  type AgendaItemStatusValue,
  type MeetingStatusValue,
} from './enums.js';

/** Actions a chair takes on a meeting. */
export enum MeetingAction {
  PUBLISH_AGENDA = 'PUBLISH_AGENDA',
  START = 'START',
  MOVE_TO_NEXT_ITEM = 'MOVE_TO_NEXT_ITEM',
  MOVE_TO_PREVIOUS_ITEM = 'MOVE_TO_PREVIOUS_ITEM',
  MAKE_ITEM_CURRENT = 'MAKE_ITEM_CURRENT',
  PAUSE_TIMER = 'PAUSE_TIMER',
  RESUME_TIMER = 'RESUME_TIMER',
  RECORD_OUTCOME = 'RECORD_OUTCOME',
  DEFER_ITEM = 'DEFER_ITEM',
  CLOSE = 'CLOSE',
}

/** The meeting's status machine: in which status each action is allowed, and the status it leads to. */
export const MEETING_TRANSITIONS: Readonly<
  Record<MeetingAction, { from: readonly MeetingStatus[]; to?: MeetingStatus }>
> = {
  [MeetingAction.PUBLISH_AGENDA]: { from: [MeetingStatus.DRAFT], to: MeetingStatus.AGENDA_PUBLISHED },
  [MeetingAction.START]: { from: [MeetingStatus.AGENDA_PUBLISHED], to: MeetingStatus.IN_PROGRESS },
  [MeetingAction.MOVE_TO_NEXT_ITEM]: { from: [MeetingStatus.IN_PROGRESS] },
  [MeetingAction.MOVE_TO_PREVIOUS_ITEM]: { from: [MeetingStatus.IN_PROGRESS] },
  [MeetingAction.MAKE_ITEM_CURRENT]: { from: [MeetingStatus.IN_PROGRESS] },
  [MeetingAction.PAUSE_TIMER]: { from: [MeetingStatus.IN_PROGRESS] },
  [MeetingAction.RESUME_TIMER]: { from: [MeetingStatus.IN_PROGRESS] },
  [MeetingAction.RECORD_OUTCOME]: { from: [MeetingStatus.IN_PROGRESS] },
  [MeetingAction.DEFER_ITEM]: { from: [MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.IN_PROGRESS] },
  [MeetingAction.CLOSE]: { from: [MeetingStatus.IN_PROGRESS], to: MeetingStatus.CLOSED },
};

/** Actions the meeting's status allows; the client shows only these. */
export function allowedMeetingActions(status: MeetingStatus | MeetingStatusValue): MeetingAction[] {
  return (Object.keys(MEETING_TRANSITIONS) as MeetingAction[]).filter((action) =>
    canTakeMeetingAction(status, action),
  );
}

export function canTakeMeetingAction(
  status: MeetingStatus | MeetingStatusValue,
  action: MeetingAction,
): boolean {
  return (MEETING_TRANSITIONS[action].from as readonly string[]).includes(status);
}

/** The agenda item's status machine: which statuses may follow which. */
export const AGENDA_ITEM_TRANSITIONS: Readonly<Record<AgendaItemStatus, readonly AgendaItemStatus[]>> = {
  [AgendaItemStatus.PENDING]: [AgendaItemStatus.CURRENT, AgendaItemStatus.DEFERRED],
  [AgendaItemStatus.CURRENT]: [AgendaItemStatus.DONE, AgendaItemStatus.DEFERRED],
  [AgendaItemStatus.DONE]: [AgendaItemStatus.CURRENT],
  [AgendaItemStatus.DEFERRED]: [AgendaItemStatus.CURRENT],
};

export function canMoveAgendaItem(
  from: AgendaItemStatus | AgendaItemStatusValue,
  to: AgendaItemStatus | AgendaItemStatusValue,
): boolean {
  return (AGENDA_ITEM_TRANSITIONS[from as AgendaItemStatus] as readonly string[]).includes(to);
}
