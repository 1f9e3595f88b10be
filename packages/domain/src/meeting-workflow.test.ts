import { describe, expect, test } from 'vitest';
import {
  MeetingAction,
  allowedMeetingActions,
  canMoveAgendaItem,
  canTakeMeetingAction,
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
