import { describe, expect, test } from 'vitest';
import { stockholmDate, stockholmYear } from './submission-drafts.js';
import { formatRegistrationNumber } from './submissions.js';

describe('registration years and due dates in Stockholm', () => {
  test('the year turns at midnight in Stockholm, not in UTC', () => {
    expect(stockholmYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
    expect(stockholmYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027);
  });

  test('the date in Stockholm, summer time included', () => {
    expect(stockholmDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(stockholmDate(new Date('2026-01-15T12:00:00Z'))).toBe('2026-01-15');
  });

  test('patterns lay the number out differently', () => {
    expect(formatRegistrationNumber('{series} {number}/{year}', 'SR', 14, 2026)).toBe('SR 14/2026');
    expect(formatRegistrationNumber('{series} {year}/{number:4}', 'Ks', 7, 2027)).toBe('Ks 2027/0007');
  });
});
