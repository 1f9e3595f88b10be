import { describe, expect, test } from 'vitest';
import {
  agendaTiming,
  itemElapsedSeconds,
  itemOverrunSeconds,
  type TimedAgendaItem,
  type TimedMeeting,
} from './agenda-timing.js';
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

// Cases that were the client's (use-agenda-timing) before it used these functions.
describe('live view timing', () => {
  const NOW = new Date('2026-03-03T13:30:00Z');

  function item(over: Partial<TimedAgendaItem> = {}): TimedAgendaItem {
    return { plannedMinutes: 10, status: S.CURRENT, elapsedSeconds: 0, timerStartedAt: null, ...over };
  }

  function meeting(over: Partial<TimedMeeting> = {}): TimedMeeting {
    return {
      startsAt: '2026-03-03T13:00:00Z',
      startedAt: '2026-03-03T13:00:00Z',
      status: MeetingStatus.IN_PROGRESS,
      closedAt: null,
      timerPaused: false,
      agenda: [
        item({ plannedMinutes: 10, status: S.DONE, elapsedSeconds: 900 }),
        item({
          plannedMinutes: 20,
          status: S.CURRENT,
          elapsedSeconds: 60,
          timerStartedAt: '2026-03-03T13:20:00Z',
        }),
        item({ plannedMinutes: 15, status: S.PENDING }),
        item({ plannedMinutes: 30, status: S.DEFERRED }),
        item({ plannedMinutes: 5, status: S.PENDING }),
      ],
      ...over,
    };
  }

  test.each([
    [
      'running timer adds the stretch since it started',
      item({ elapsedSeconds: 30, timerStartedAt: '2026-03-03T13:28:00Z' }),
      false,
      150,
    ],
    [
      'paused meeting ignores the running stretch',
      item({ elapsedSeconds: 30, timerStartedAt: '2026-03-03T13:28:00Z' }),
      true,
      30,
    ],
    ['stopped timer is just the stored total', item({ elapsedSeconds: 75 }), false, 75],
    [
      'a start time in the future (clock skew) never subtracts',
      item({ elapsedSeconds: 10, timerStartedAt: '2026-03-03T13:31:00Z' }),
      false,
      10,
    ],
    [
      'fractions are floored',
      item({ elapsedSeconds: 0, timerStartedAt: '2026-03-03T13:29:59.400Z' }),
      false,
      0,
    ],
  ])('itemElapsedSeconds: %s', (_name, it, paused, expected) => {
    expect(itemElapsedSeconds(it, NOW, paused)).toBe(expected);
  });

  test.each([
    ['within planned time', item({ plannedMinutes: 10, elapsedSeconds: 599 }), 0],
    ['exactly on time', item({ plannedMinutes: 10, elapsedSeconds: 600 }), 0],
    ['three minutes over', item({ plannedMinutes: 10, elapsedSeconds: 780 }), 180],
    [
      'over because the timer runs',
      item({ plannedMinutes: 1, elapsedSeconds: 0, timerStartedAt: '2026-03-03T13:28:00Z' }),
      60,
    ],
  ])('itemOverrunSeconds: %s', (_name, it, expected) => {
    expect(itemOverrunSeconds(it, NOW)).toBe(expected);
  });

  // Planned: 13:00 + 10 + 20 + 15 + 5 (deferred excluded) = 13:50.
  test('planned end excludes deferred items', () => {
    expect(agendaTiming(meeting(), NOW).plannedEnd.toISOString()).toBe('2026-03-03T13:50:00.000Z');
  });

  test.each([
    // Current item: 60 s + 10 min running = 660 s of 1200 s; 540 s left + 20 min pending = 13:30 + 29 min.
    ['in progress, current item within time', meeting(), '2026-03-03T13:59:00.000Z', 540],
    // Paused: only 60 s elapsed; 1140 s left + 1200 s = 13:30 + 39 min.
    ['in progress, paused', meeting({ timerPaused: true }), '2026-03-03T14:09:00.000Z', 1140],
    // Current item over its time: nothing left of it, so now + 20 min.
    [
      'current item runs over',
      meeting({
        agenda: meeting().agenda.map((i) =>
          i.status === S.CURRENT ? { ...i, elapsedSeconds: 1500, timerStartedAt: null } : i,
        ),
      }),
      '2026-03-03T13:50:00.000Z',
      0,
    ],
    [
      'not started uses the plan',
      meeting({ status: MeetingStatus.AGENDA_PUBLISHED, startedAt: null }),
      '2026-03-03T13:50:00.000Z',
      0,
    ],
    [
      'closed uses the closing time',
      meeting({ status: MeetingStatus.CLOSED, closedAt: '2026-03-03T14:05:00Z' }),
      '2026-03-03T14:05:00.000Z',
      900,
    ],
    [
      'string statuses, as GraphQL clients hold them, work alike',
      meeting({ status: 'CLOSED', closedAt: '2026-03-03T14:05:00Z' }),
      '2026-03-03T14:05:00.000Z',
      900,
    ],
  ])('projectedEnd and overrunSeconds: %s', (_name, m, end, overrun) => {
    const timing = agendaTiming(m, NOW);
    expect(timing.projectedEnd.toISOString()).toBe(end);
    expect(timing.overrunSeconds).toBe(overrun);
  });
});

// An item the chair moved away from without an outcome is pending again with its time banked.
describe('an item taken up again', () => {
  const NOW = new Date('2026-03-03T13:30:00Z');
  const meeting = (agenda: TimedAgendaItem[]): TimedMeeting => ({
    status: MeetingStatus.IN_PROGRESS,
    startsAt: '2026-03-03T13:00:00Z',
    startedAt: '2026-03-03T13:00:00Z',
    agenda,
  });

  test('a pending item counts only what is left of its plan in the projected end', () => {
    const timing = agendaTiming(
      meeting([
        { status: S.CURRENT, plannedMinutes: 10, elapsedSeconds: 0, timerStartedAt: '2026-03-03T13:30:00Z' },
        { status: S.PENDING, plannedMinutes: 10, elapsedSeconds: 240, timerStartedAt: null },
        { status: S.PENDING, plannedMinutes: 5, elapsedSeconds: 600, timerStartedAt: null },
      ]),
      NOW,
    );
    // 10 min of the current item + 6 min left of the second + nothing left of the third (over its plan).
    expect(timing.projectedEnd.toISOString()).toBe('2026-03-03T13:46:00.000Z');
  });

  test('its elapsed time continues from what was banked', () => {
    const timing = agendaTiming(
      meeting([
        { status: S.PENDING, plannedMinutes: 10, elapsedSeconds: 0, timerStartedAt: null },
        {
          status: S.CURRENT,
          plannedMinutes: 10,
          elapsedSeconds: 240,
          timerStartedAt: '2026-03-03T13:29:00Z',
        },
      ]),
      NOW,
    );
    expect(timing.currentElapsedSeconds).toBe(300);
    expect(timing.projectedEnd.toISOString()).toBe('2026-03-03T13:45:00.000Z');
  });
});
