import { expect, test } from 'vitest';
import { MeetingAction, allowedMeetingActions, canMoveAgendaItem } from './meeting-workflow.js';
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
