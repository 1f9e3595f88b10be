import { describe, expect, test } from 'vitest';
import { loadConfig } from '../src/config.js';

describe("the register's configuration", () => {
  test('defaults to the series SR laid out as "SR 14/2026"', () => {
    expect(loadConfig({}).registration).toEqual({ series: 'SR', pattern: '{series} {number}/{year}' });
  });

  test('takes another series and pattern from the environment', () => {
    const config = loadConfig({
      REGISTRATION_SERIES: 'KS',
      REGISTRATION_PATTERN: '{series}-{year}-{number:4}',
    });
    expect(config.registration).toEqual({ series: 'KS', pattern: '{series}-{year}-{number:4}' });
  });

  test.each([
    [{ REGISTRATION_PATTERN: '{series} {number}' }, /REGISTRATION_PATTERN must contain \{number\}/],
    [{ REGISTRATION_PATTERN: '{series}/{year}' }, /REGISTRATION_PATTERN/],
    [{ REGISTRATION_SERIES: 'S/R' }, /REGISTRATION_SERIES must be/],
    [{ REGISTRATION_SERIES: 'x'.repeat(21) }, /REGISTRATION_SERIES must be/],
  ])('refuses %o with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
