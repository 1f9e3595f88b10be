import { describe, expect, test } from 'vitest';
import { agendaTiming, itemElapsedSeconds } from './agenda-timing.js';
import { AgendaItemStatus as S, MeetingStatus } from './enums.js';

const now = new Date('2026-12-01T17:30:00Z');

describe('itemElapsedSeconds', () => {
  test.each([
    { name: 'paused', item: { elapsedSeconds: 90, timerStartedAt: null }, expected: 90 },
    { name: 'running', item: { elapsedSeconds: 90, timerStartedAt: '2026-12-01T17:29:00Z' }, expected: 150 },
    { name: 'never started', item: { elapsedSeconds: 0, timerStartedAt: null }, expected: 0 },
  ])('$name', ({ item, expected }) => {
    expect(itemElapsedSeconds({ status: S.CURRENT, plannedMinutes: 5, ...item }, now)).toBe(expected);
  });
});

describe('agendaTiming', () => {
  const meeting = {
    status: MeetingStatus.IN_PROGRESS,
    startsAt: '2026-12-01T17:00:00Z',
    startedAt: '2026-12-01T17:00:00Z',
    agenda: [
      { status: S.DONE, plannedMinutes: 10, elapsedSeconds: 900, timerStartedAt: null },
      { status: S.CURRENT, plannedMinutes: 10, elapsedSeconds: 0, timerStartedAt: '2026-12-01T17:15:00Z' },
      { status: S.PENDING, plannedMinutes: 20, elapsedSeconds: 0, timerStartedAt: null },
      { status: S.DEFERRED, plannedMinutes: 30, elapsedSeconds: 0, timerStartedAt: null },
    ],
  };

  test('an item past its plan runs over, and the projection moves the end', () => {
    const timing = agendaTiming(meeting, now);
    expect(timing.currentElapsedSeconds).toBe(15 * 60);
    expect(timing.currentOverrunSeconds).toBe(5 * 60);
    expect(timing.plannedEnd.toISOString()).toBe('2026-12-01T17:40:00.000Z');
    expect(timing.projectedEnd.toISOString()).toBe('2026-12-01T17:50:00.000Z');
    expect(timing.overrunMinutes).toBe(10);
  });

  test('before the start the projection is the plan', () => {
    const timing = agendaTiming({ ...meeting, status: MeetingStatus.AGENDA_PUBLISHED, startedAt: null }, now);
    expect(timing.overrunMinutes).toBe(0);
  });
});
