import { MeetingStatus, type MeetingStatusValue } from './enums.js';

/** What those who prepare a meeting (the coordinator, the forum's convener) do before it is held. */
export enum PlanningAction {
  /** Title, times, place, digital link, chair and adjusters. */
  EDIT_DETAILS = 'EDIT_DETAILS',
  /** Add, change, remove and reorder agenda items. */
  EDIT_AGENDA = 'EDIT_AGENDA',
  CANCEL = 'CANCEL',
}

/**
 * In which statuses each planning action is allowed. A meeting that has started, was held or was cancelled is
 * a record: its agenda and details no longer change (the chair's actions take over once it starts).
 */
export const MEETING_PLANNING: Readonly<Record<PlanningAction, readonly MeetingStatus[]>> = {
  [PlanningAction.EDIT_DETAILS]: [MeetingStatus.DRAFT, MeetingStatus.AGENDA_PUBLISHED],
  [PlanningAction.EDIT_AGENDA]: [MeetingStatus.DRAFT, MeetingStatus.AGENDA_PUBLISHED],
  [PlanningAction.CANCEL]: [MeetingStatus.DRAFT, MeetingStatus.AGENDA_PUBLISHED],
};

export function canPlan(status: MeetingStatus | MeetingStatusValue, action: PlanningAction): boolean {
  return (MEETING_PLANNING[action] as readonly string[]).includes(status);
}

/** Changes to a meeting whose agenda is published are told to its members; drafts are nobody's business yet. */
export function isNoticeGiven(status: MeetingStatus | MeetingStatusValue): boolean {
  return status === MeetingStatus.AGENDA_PUBLISHED;
}

/** A meeting has one chair and one or two adjusters (justerare) of the minutes. */
export const MIN_ADJUSTERS = 1;
export const MAX_ADJUSTERS = 2;

/** Planned minutes of one agenda item: at least one, at most a whole working day. */
export const PLANNED_MINUTES = { min: 1, max: 480 } as const;

/** At most this many items on one agenda (or a forum's standard agenda). */
export const MAX_AGENDA_ITEMS = 60;

/** A digital meeting link must be a web address: http or https, nothing a browser would run. */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !!url.hostname;
  } catch {
    return false;
  }
}

/**
 * The order after moving the item at `from` to `to` (both 1-based); null when either position does not
 * exist. Positions stay 1..n without gaps.
 */
export function moveInOrder<T>(items: readonly T[], from: number, to: number): T[] | null {
  const n = items.length;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < 1 || from > n || to > n)
    return null;
  const order = [...items];
  const [moved] = order.splice(from - 1, 1);
  order.splice(to - 1, 0, moved as T);
  return order;
}
