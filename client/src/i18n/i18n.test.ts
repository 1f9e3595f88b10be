import { describe, expect, test } from 'vitest';
import sv from './sv';
import en from './en';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('i18n messages', () => {
  test('Swedish and English have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(sv).sort());
  });

  test.each([
    ['sv', sv],
    ['en', en],
  ])('%s messages are non-empty and free of unescaped vue-i18n syntax characters', (_name, messages) => {
    for (const key of keys(messages)) {
      const value = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
      expect(value as string, key).not.toMatch(/[@|$]/);
    }
  });
});
