import { describe, expect, test } from 'vitest';
import { endOfStockholmDay, hasLastDayPassed, isCalendarDate } from './invitation-days.js';

describe('endOfStockholmDay', () => {
  test('in winter the day ends at 23:00 UTC', () => {
    expect(endOfStockholmDay('2026-12-24').toISOString()).toBe('2026-12-24T23:00:00.000Z');
  });
  test('in summer it ends at 22:00 UTC', () => {
    expect(endOfStockholmDay('2026-06-30').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });
  test('across the clock changes and the year end', () => {
    expect(endOfStockholmDay('2026-03-28').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfStockholmDay('2026-03-29').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(endOfStockholmDay('2026-10-24').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(endOfStockholmDay('2026-10-25').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(endOfStockholmDay('2026-12-31').toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });
});

test('a last day counts to its very end in Stockholm', () => {
  expect(hasLastDayPassed('2026-12-24', new Date('2026-12-24T22:59:59Z'))).toBe(false);
  expect(hasLastDayPassed('2026-12-24', new Date('2026-12-24T23:00:00Z'))).toBe(true);
});

test('calendar dates', () => {
  expect(isCalendarDate('2026-02-28')).toBe(true);
  expect(isCalendarDate('2026-02-30')).toBe(false);
  expect(isCalendarDate('28/2/2026')).toBe(false);
  expect(isCalendarDate(null)).toBe(false);
});
