import { describe, expect, test } from 'vitest';
import { formatDate, formatTime } from './format';

describe('format', () => {
  test.each([
    ['2023-11-22', 'sv', '22 november 2023'],
    ['2023-11-22', 'en', '22 November 2023'],
  ])('formatDate(%s, %s) = %s', (value, locale, expected) => {
    expect(formatDate(value, locale)).toBe(expected);
  });

  test.each([
    ['2026-03-03T12:00:00Z', '13:00'], // winter time, UTC+1
    ['2026-06-03T12:00:00Z', '14:00'], // summer time, UTC+2
  ])('formatTime(%s) in Stockholm = %s', (value, expected) => {
    expect(formatTime(value, 'sv')).toBe(expected);
  });
});
