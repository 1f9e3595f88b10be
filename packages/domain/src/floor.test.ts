import { describe, expect, test } from 'vitest';
import {
  AttendanceChange,
  AttendanceState,
  FLOOR_ACTIONS,
  FloorAction,
  SpeakerStatus,
  attendanceState,
  canRecordAttendance,
  canTakeFloorAction,
  isSpeakingTimeLimit,
} from './floor.js';
import { MeetingStatus } from './enums.js';

describe('attendance', () => {
  test.each([
    ['AGENDA_PUBLISHED', 'ABSENT', 'PRESENT_AT_START', true],
    ['IN_PROGRESS', 'ABSENT', 'PRESENT_AT_START', true],
    ['DRAFT', 'ABSENT', 'PRESENT_AT_START', false],
    ['CLOSED', 'ABSENT', 'PRESENT_AT_START', false],
    ['IN_PROGRESS', 'PRESENT', 'PRESENT_AT_START', false],
    ['AGENDA_PUBLISHED', 'PRESENT', 'NOT_PRESENT_AT_START', true],
    ['IN_PROGRESS', 'PRESENT', 'NOT_PRESENT_AT_START', false],
    ['AGENDA_PUBLISHED', 'ABSENT', 'ARRIVED', false],
    ['IN_PROGRESS', 'ABSENT', 'ARRIVED', true],
    ['IN_PROGRESS', 'LEFT', 'ARRIVED', true],
    ['IN_PROGRESS', 'PRESENT', 'ARRIVED', false],
    ['IN_PROGRESS', 'PRESENT', 'LEFT', true],
    ['IN_PROGRESS', 'LEFT', 'LEFT', false],
    ['CLOSED', 'PRESENT', 'LEFT', false],
  ] as const)('a %s meeting, someone %s: %s is %s', (meeting, state, change, expected) => {
    expect(canRecordAttendance(meeting, state, change)).toBe(expected);
  });

  test('the state is the fold of the changes, oldest first', () => {
    expect(attendanceState([])).toBe(AttendanceState.ABSENT);
    expect(
      attendanceState([AttendanceChange.PRESENT_AT_START, AttendanceChange.LEFT, AttendanceChange.ARRIVED]),
    ).toBe(AttendanceState.PRESENT);
    expect(attendanceState([AttendanceChange.ARRIVED, AttendanceChange.LEFT])).toBe(AttendanceState.LEFT);
    expect(attendanceState([AttendanceChange.PRESENT_AT_START, AttendanceChange.NOT_PRESENT_AT_START])).toBe(
      AttendanceState.ABSENT,
    );
  });
});

describe('the speakers list', () => {
  test.each([
    [FloorAction.REQUEST, null, true],
    [FloorAction.REQUEST, SpeakerStatus.WAITING, false],
    [FloorAction.WITHDRAW, SpeakerStatus.WAITING, true],
    [FloorAction.WITHDRAW, SpeakerStatus.SPEAKING, false],
    [FloorAction.GIVE, SpeakerStatus.WAITING, true],
    [FloorAction.GIVE, SpeakerStatus.SPEAKING, false],
    [FloorAction.GIVE, SpeakerStatus.WITHDRAWN, false],
    [FloorAction.END, SpeakerStatus.SPEAKING, true],
    [FloorAction.END, SpeakerStatus.DONE, false],
    [FloorAction.REMOVE, SpeakerStatus.WAITING, true],
    [FloorAction.REMOVE, SpeakerStatus.DONE, false],
  ])('in a running meeting, %s on a %s speaker: %s', (action, status, expected) => {
    expect(canTakeFloorAction(MeetingStatus.IN_PROGRESS, action, status)).toBe(expected);
  });

  test.each(['DRAFT', 'AGENDA_PUBLISHED', 'CLOSED'] as const)('a %s meeting has no open list', (meeting) => {
    for (const action of Object.values(FloorAction)) {
      expect(canTakeFloorAction(meeting, action, FLOOR_ACTIONS[action].from)).toBe(false);
    }
  });

  test('only the chair gives and ends the floor; participants ask and withdraw', () => {
    expect(
      Object.fromEntries(Object.entries(FLOOR_ACTIONS).map(([action, rule]) => [action, rule.by])),
    ).toEqual({ REQUEST: 'takePart', WITHDRAW: 'takePart', GIVE: 'chair', END: 'chair', REMOVE: 'chair' });
  });

  test.each([
    [15, true],
    [3600, true],
    [14, false],
    [3601, false],
    [90.5, false],
  ])('a time limit of %s s is allowed: %s', (seconds, expected) => {
    expect(isSpeakingTimeLimit(seconds)).toBe(expected);
  });
});
