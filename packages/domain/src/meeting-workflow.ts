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
  /** The chair marks the current item done (with or without an outcome); no item is current after it. */
  COMPLETE_ITEM = 'COMPLETE_ITEM',
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
  [MeetingAction.COMPLETE_ITEM]: { from: [MeetingStatus.IN_PROGRESS] },
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

/**
 * The agenda item's status machine: which statuses may follow which.
 *
 * | from    | to       | when                                                                           |
 * | ------- | -------- | ------------------------------------------------------------------------------ |
 * | PENDING | CURRENT  | the chair takes it up (start, next, previous, make current)                    |
 * | CURRENT | PENDING  | the chair moves to another item (or closes) and it has no outcome (statusWhenLeft) |
 * | CURRENT | DONE     | the same with an outcome recorded, or the chair marks it done (COMPLETE_ITEM)  |
 * | any but DONE | DEFERRED | the chair defers it (bordläggning)                                         |
 * | DONE, DEFERRED | CURRENT | the chair takes it up again; its banked time keeps counting              |
 */
export const AGENDA_ITEM_TRANSITIONS: Readonly<Record<AgendaItemStatus, readonly AgendaItemStatus[]>> = {
  [AgendaItemStatus.PENDING]: [AgendaItemStatus.CURRENT, AgendaItemStatus.DEFERRED],
  [AgendaItemStatus.CURRENT]: [AgendaItemStatus.PENDING, AgendaItemStatus.DONE, AgendaItemStatus.DEFERRED],
  [AgendaItemStatus.DONE]: [AgendaItemStatus.CURRENT],
  [AgendaItemStatus.DEFERRED]: [AgendaItemStatus.CURRENT],
};

export function canMoveAgendaItem(
  from: AgendaItemStatus | AgendaItemStatusValue,
  to: AgendaItemStatus | AgendaItemStatusValue,
): boolean {
  return (AGENDA_ITEM_TRANSITIONS[from as AgendaItemStatus] as readonly string[]).includes(to);
}

/** What an item's outcome holds; an outcome is a recorded decision or minute. */
export interface ItemOutcome {
  decision?: string | null;
  minute?: string | null;
}

/**
 * The status of the current item when the chair moves to another one or closes the meeting: done when a
 * decision or minute was recorded for it, otherwise back to the upcoming items. Moving on is never taken as
 * "done" by itself; an item without an outcome is done only when the chair says so (COMPLETE_ITEM).
 */
export function statusWhenLeft(item: ItemOutcome): AgendaItemStatus.DONE | AgendaItemStatus.PENDING {
  return item.decision || item.minute ? AgendaItemStatus.DONE : AgendaItemStatus.PENDING;
}
