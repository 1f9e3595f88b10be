import { describe, expect, test } from 'vitest';
import {
  DOCUMENT_ACCEPT,
  DOCUMENT_NAME_MAX,
  documentTypeForName,
  formatDocumentSize,
  sanitiseDocumentName,
} from './documents.js';

describe('sanitiseDocumentName', () => {
  test.each([
    ['C:\\Users\\anna\\Kallelse.pdf', 'Kallelse.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['.htaccess', 'htaccess'],
    ['Års\u0000möte\u0007 "2026".pdf', 'Årsmöte 2026.pdf'],
    ['  many   spaces .pdf ', 'many spaces .pdf'],
    ['A\u030Arsmöte.pdf', 'Årsmöte.pdf'],
    ['<>:|?*', 'dokument'],
    ['', 'dokument'],
  ])('%j becomes %j', (raw, clean) => {
    expect(sanitiseDocumentName(raw)).toBe(clean);
  });

  test('a long name is cut to the limit and keeps its extension', () => {
    const name = sanitiseDocumentName(`${'a'.repeat(300)}.docx`);
    expect(name).toHaveLength(DOCUMENT_NAME_MAX);
    expect(name.endsWith('.docx')).toBe(true);
  });
});

test('types are found by extension, in any case, and the accept list names them all', () => {
  expect(documentTypeForName('Foto.JPEG')?.mediaType).toBe('image/jpeg');
  expect(documentTypeForName('program.exe')).toBeUndefined();
  expect(documentTypeForName('utan-filändelse')).toBeUndefined();
  expect(DOCUMENT_ACCEPT.split(',')).toEqual(expect.arrayContaining(['.pdf', '.docx', '.odt', '.webp']));
});

test('sizes are written for people in the locale', () => {
  expect(formatDocumentSize(312)).toBe('312 B');
  expect(formatDocumentSize(820_000)).toBe('820 kB');
  expect(formatDocumentSize(1_540_000, 'sv')).toBe('1,5 MB');
  expect(formatDocumentSize(1_540_000, 'en')).toBe('1.5 MB');
});
