import {
  AgendaItemStatus,
  MeetingAction,
  canMoveAgendaItem,
  canTakeMeetingAction,
  nextPendingItem,
  previousItem,
} from '@samverka/domain';
import type { AgendaItemStatus as ItemStatus, MeetingStatus } from '../../gql/graphql';
import { groupUserErrors, type FieldMessage, type UserErrorLike } from '../../lib/errors';

/**
 * The chair's buttons, read from the workflow tables in @samverka/domain that the server enforces, plus what
 * only the agenda can tell (is there a next item?). Names are the client's; each maps to one domain action.
 */
export type ChairAction =
  'publishAgenda' | 'startMeeting' | 'previous' | 'next' | 'pause' | 'resume' | 'close';
export type ItemAction = 'makeCurrent' | 'complete' | 'defer' | 'recordOutcome';

interface ActionMeeting {
  status: MeetingStatus;
  timerPaused: boolean;
  currentItem: { id: string } | null;
  agenda: readonly { id: string; position: number; status: ItemStatus }[];
}

/** Chair buttons in the order they are shown, each with its domain action and what else it needs. */
const CHAIR_BUTTONS: readonly [ChairAction, MeetingAction, (meeting: ActionMeeting) => boolean][] = [
  ['publishAgenda', MeetingAction.PUBLISH_AGENDA, () => true],
  ['startMeeting', MeetingAction.START, () => true],
  ['previous', MeetingAction.MOVE_TO_PREVIOUS_ITEM, (m) => previousItem(m.agenda) !== null],
  ['next', MeetingAction.MOVE_TO_NEXT_ITEM, (m) => nextPendingItem(m.agenda) !== null],
  // The clock is the current item's, so it is offered only while there is one.
  ['pause', MeetingAction.PAUSE_TIMER, (m) => m.currentItem !== null && !m.timerPaused],
  ['resume', MeetingAction.RESUME_TIMER, (m) => m.currentItem !== null && m.timerPaused],
  ['close', MeetingAction.CLOSE, () => true],
];

export function allowedMeetingActions(meeting: ActionMeeting): ChairAction[] {
  return CHAIR_BUTTONS.filter(
    ([, action, applies]) => canTakeMeetingAction(meeting.status, action) && applies(meeting),
  ).map(([button]) => button);
}

/** Item buttons in the order they are shown: the meeting's status allows the action, the item's its move. */
const ITEM_BUTTONS: readonly [ItemAction, MeetingAction, (status: ItemStatus) => boolean][] = [
  ['makeCurrent', MeetingAction.MAKE_ITEM_CURRENT, (s) => canMoveAgendaItem(s, AgendaItemStatus.CURRENT)],
  // Only the current item can be marked done; leaving it otherwise keeps it upcoming unless it has an outcome.
  ['complete', MeetingAction.COMPLETE_ITEM, (s) => canMoveAgendaItem(s, AgendaItemStatus.DONE)],
  ['defer', MeetingAction.DEFER_ITEM, (s) => canMoveAgendaItem(s, AgendaItemStatus.DEFERRED)],
  ['recordOutcome', MeetingAction.RECORD_OUTCOME, () => true],
];

export function allowedItemActions(
  meeting: Pick<ActionMeeting, 'status'>,
  item: { id: string; status: ItemStatus },
): ItemAction[] {
  return ITEM_BUTTONS.filter(
    ([, action, applies]) => canTakeMeetingAction(meeting.status, action) && applies(item.status),
  ).map(([button]) => button);
}

export interface PayloadOutcome {
  ok: boolean;
  /** The meeting changed under us: show the notice and refetch. */
  stale: boolean;
  /** i18n keys for an alert. */
  alerts: string[];
  /** Messages per input field, e.g. for decision. */
  byField: Record<string, FieldMessage>;
}

/** Reads a mutation payload's `errors` into what the page shows. */
export function interpretPayload(errors: readonly UserErrorLike[]): PayloadOutcome {
  const stale = errors.some((e) => e.code === 'STALE_VERSION');
  const { byField, general } = groupUserErrors(
    stale ? errors.filter((e) => e.code !== 'STALE_VERSION') : errors,
  );
  return {
    ok: errors.length === 0,
    stale,
    alerts: stale ? ['userErrors.STALE_VERSION', ...general] : general,
    byField,
  };
}
