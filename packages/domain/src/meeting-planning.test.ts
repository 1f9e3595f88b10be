import { describe, expect, test } from 'vitest';
import { MeetingStatus } from './enums.js';
import {
  MEETING_PLANNING,
  PlanningAction,
  canPlan,
  isNoticeGiven,
  isWebLink,
  moveInOrder,
} from './meeting-planning.js';

describe('which statuses allow planning', () => {
  const table: [MeetingStatus, boolean][] = [
    [MeetingStatus.DRAFT, true],
    [MeetingStatus.AGENDA_PUBLISHED, true],
    [MeetingStatus.IN_PROGRESS, false],
    [MeetingStatus.CLOSED, false],
    [MeetingStatus.CANCELLED, false],
  ];
  test.each(Object.values(PlanningAction))('%s', (action) => {
    for (const [status, allowed] of table) expect(canPlan(status, action), status).toBe(allowed);
  });

  test('every action is in the table', () => {
    expect(Object.keys(MEETING_PLANNING).sort()).toEqual(Object.values(PlanningAction).sort());
  });

  test('only a published agenda has been given notice', () => {
    expect(Object.values(MeetingStatus).filter(isNoticeGiven)).toEqual([MeetingStatus.AGENDA_PUBLISHED]);
  });
});

describe('digital links', () => {
  test.each([
    ['https://meet.example/abc', true],
    ['http://meet.example', true],
    ['javascript:alert(1)', false],
    ['ftp://files.example', false],
    ['meet.example/abc', false],
    ['', false],
  ])('%s → %s', (link, ok) => expect(isWebLink(link)).toBe(ok));
});

describe('moving an item', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];
  test('to an earlier or later position keeps 1..n', () => {
    expect(moveInOrder(items, 5, 2)).toEqual(['a', 'e', 'b', 'c', 'd']);
    expect(moveInOrder(items, 1, 5)).toEqual(['b', 'c', 'd', 'e', 'a']);
    expect(moveInOrder(items, 3, 3)).toEqual(items);
  });
  test.each([
    [0, 1],
    [1, 0],
    [1, 6],
    [6, 1],
    [1.5, 2],
    [-1, 2],
  ])('from %s to %s does not exist', (from, to) => expect(moveInOrder(items, from, to)).toBeNull());
});
