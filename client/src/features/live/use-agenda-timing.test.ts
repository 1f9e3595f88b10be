import { describe, expect, test } from 'vitest';
import { ref } from 'vue';
import { formatMmSs, useAgendaTiming, type TimedItem, type TimedLiveMeeting } from './use-agenda-timing';

// The timing arithmetic is @samverka/domain's agendaTiming and is tested there (agenda-timing.test.ts);
// here only the formatting and the reactive wrapper.
const NOW = new Date('2026-03-03T13:30:00Z');

function item(over: Partial<TimedItem> = {}): TimedItem {
  return {
    id: 'i1',
    position: 1,
    plannedMinutes: 10,
    status: 'CURRENT',
    elapsedSeconds: 0,
    timerStartedAt: null,
    ...over,
  };
}

function meeting(over: Partial<TimedLiveMeeting> = {}): TimedLiveMeeting {
  return {
    startsAt: '2026-03-03T13:00:00Z',
    startedAt: '2026-03-03T13:00:00Z',
    status: 'IN_PROGRESS',
    closedAt: null,
    timerPaused: false,
    agenda: [
      item({ id: 'a', position: 1, plannedMinutes: 10, status: 'DONE', elapsedSeconds: 900 }),
      item({
        id: 'b',
        position: 2,
        plannedMinutes: 20,
        status: 'CURRENT',
        elapsedSeconds: 60,
        timerStartedAt: '2026-03-03T13:20:00Z',
      }),
      item({ id: 'c', position: 3, plannedMinutes: 15, status: 'PENDING' }),
      item({ id: 'd', position: 4, plannedMinutes: 30, status: 'DEFERRED' }),
      item({ id: 'e', position: 5, plannedMinutes: 5, status: 'PENDING' }),
    ],
    ...over,
  };
}

describe('formatMmSs', () => {
  test.each([
    [0, '00:00'],
    [59, '00:59'],
    [61, '01:01'],
    [4503, '75:03'],
    [-5, '00:00'],
  ])('%i s → %s', (seconds, expected) => {
    expect(formatMmSs(seconds)).toBe(expected);
  });
});

describe('useAgendaTiming', () => {
  test('is reactive to the clock', () => {
    const now = ref(NOW);
    const timing = useAgendaTiming(ref(meeting()), now);
    expect(timing.current.value?.id).toBe('b');
    expect(timing.elapsed.value).toBe(660);
    expect(timing.upcoming.value.map((i) => i.id)).toEqual(['c', 'e']);
    now.value = new Date(NOW.getTime() + 5_000);
    expect(timing.elapsed.value).toBe(665);
  });

  test.each([
    [
      'in progress',
      meeting(),
      { planned: 1200, itemOverrun: 0, overrun: 540, end: '2026-03-03T13:59:00.000Z' },
    ],
    [
      'paused',
      meeting({ timerPaused: true }),
      { planned: 1200, itemOverrun: 0, overrun: 1140, end: '2026-03-03T14:09:00.000Z' },
    ],
    [
      'closed',
      meeting({ status: 'CLOSED', closedAt: '2026-03-03T14:05:00Z' }),
      { planned: 1200, itemOverrun: 0, overrun: 900, end: '2026-03-03T14:05:00.000Z' },
    ],
  ])('exposes the domain timing: %s', (_name, m, expected) => {
    const timing = useAgendaTiming(ref(m), ref(NOW));
    expect({
      planned: timing.planned.value,
      itemOverrun: timing.itemOverrun.value,
      overrun: timing.overrun.value,
      end: timing.projectedEnd.value?.toISOString(),
    }).toEqual(expected);
  });

  test('follows the meeting ref and is empty without one', () => {
    const m = ref<TimedLiveMeeting | null>(null);
    const timing = useAgendaTiming(m, ref(NOW));
    expect(timing.current.value).toBeNull();
    expect(timing.projectedEnd.value).toBeNull();
    expect(timing.upcoming.value).toEqual([]);
    m.value = meeting();
    expect(timing.current.value?.id).toBe('b');
  });
});
