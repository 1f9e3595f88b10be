import { describe, expect, test } from 'vitest';
import {
  MeetingAction,
  allowedMeetingActions,
  canMoveAgendaItem,
  canTakeMeetingAction,
  statusWhenLeft,
} from './meeting-workflow.js';
import { AgendaItemStatus, MeetingStatus } from './enums.js';

test.each([
  [MeetingStatus.DRAFT, [MeetingAction.PUBLISH_AGENDA]],
  [MeetingStatus.AGENDA_PUBLISHED, [MeetingAction.START, MeetingAction.DEFER_ITEM]],
  [MeetingStatus.CLOSED, []],
])('a %s meeting allows %j', (status, actions) => {
  expect(allowedMeetingActions(status)).toEqual(actions);
});

test('a closed meeting allows nothing, an item done may become current again', () => {
  expect(allowedMeetingActions(MeetingStatus.IN_PROGRESS)).toContain(MeetingAction.CLOSE);
  expect(canMoveAgendaItem(AgendaItemStatus.DONE, AgendaItemStatus.CURRENT)).toBe(true);
  expect(canMoveAgendaItem(AgendaItemStatus.PENDING, AgendaItemStatus.DONE)).toBe(false);
});

describe('string values, as GraphQL clients hold them, read the same tables', () => {
  test.each([
    ['IN_PROGRESS', MeetingAction.RECORD_OUTCOME, true],
    ['AGENDA_PUBLISHED', MeetingAction.DEFER_ITEM, true],
    ['AGENDA_PUBLISHED', MeetingAction.MAKE_ITEM_CURRENT, false],
    ['CLOSED', MeetingAction.CLOSE, false],
  ] as const)('%s allows %s: %s', (status, action, expected) => {
    expect(canTakeMeetingAction(status, action)).toBe(expected);
  });

  test.each([
    ['PENDING', 'DEFERRED', true],
    ['DEFERRED', 'CURRENT', true],
    ['CURRENT', 'CURRENT', false],
    ['DONE', 'DEFERRED', false],
  ] as const)('%s → %s: %s', (from, to, expected) => {
    expect(canMoveAgendaItem(from, to)).toBe(expected);
  });
});

describe('leaving an item: done only with an outcome or when the chair says so', () => {
  test.each([
    ['no outcome: back to the upcoming items', { decision: null, minute: null }, AgendaItemStatus.PENDING],
    ['a decision recorded: done', { decision: 'Rådet antar rutinen.', minute: null }, AgendaItemStatus.DONE],
    [
      'a minute recorded: done',
      { decision: null, minute: 'Informationen noterades.' },
      AgendaItemStatus.DONE,
    ],
    ['blank text is no outcome', { decision: '', minute: '' }, AgendaItemStatus.PENDING],
  ])('%s', (_name, item, expected) => {
    expect(statusWhenLeft(item)).toBe(expected);
  });

  test('the current item may go back to pending or be marked done; a pending one is never done directly', () => {
    expect(canMoveAgendaItem(AgendaItemStatus.CURRENT, AgendaItemStatus.PENDING)).toBe(true);
    expect(canMoveAgendaItem(AgendaItemStatus.CURRENT, AgendaItemStatus.DONE)).toBe(true);
    expect(canMoveAgendaItem(AgendaItemStatus.PENDING, AgendaItemStatus.DONE)).toBe(false);
    expect(canTakeMeetingAction(MeetingStatus.IN_PROGRESS, MeetingAction.COMPLETE_ITEM)).toBe(true);
    expect(canTakeMeetingAction(MeetingStatus.AGENDA_PUBLISHED, MeetingAction.COMPLETE_ITEM)).toBe(false);
  });
});
