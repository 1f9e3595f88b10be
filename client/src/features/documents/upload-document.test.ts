import { describe, expect, test } from 'vitest';
import { checkBeforeUpload, uploadResult } from './upload-document';

const stored = {
  id: 'RG9j',
  name: 'a.pdf',
  mediaType: 'application/pdf',
  size: 10,
  url: '/dokument/x/a.pdf',
};

describe("reading the upload's answer", () => {
  test('a stored document', () => {
    expect(uploadResult(201, { document: stored, errors: [] }, 'sv')).toEqual({ ok: true, document: stored });
  });

  test('too large: the server’s Swedish words, and English with the limit written for people', () => {
    const result = uploadResult(
      413,
      {
        document: null,
        errors: [
          {
            field: ['file'],
            code: 'FILE_TOO_LARGE',
            message: 'Filen är för stor. Högst 20 MiB.',
            max: 20 * 1024 * 1024,
          },
        ],
      },
      'en',
    );
    expect(result).toEqual({
      ok: false,
      message: {
        key: 'documents.tooLarge',
        params: { max: '21 MB' },
        sv: 'Filen är för stor. Högst 20 MiB.',
      },
    });
  });

  test('a refused type keeps its code for the English words', () => {
    const result = uploadResult(
      415,
      {
        document: null,
        errors: [{ field: ['file'], code: 'FILE_TYPE_NOT_ACCEPTED', message: 'Filtypen …' }],
      },
      'sv',
    );
    expect(result).toEqual({
      ok: false,
      message: { key: 'userErrors.FILE_TYPE_NOT_ACCEPTED', sv: 'Filtypen …' },
    });
  });

  test.each([
    [401, 'UNAUTHENTICATED', 'errors.UNAUTHENTICATED'],
    [403, 'FORBIDDEN', 'errors.FORBIDDEN'],
    [500, 'INTERNAL_SERVER_ERROR', 'errors.GENERIC'],
  ])('a top-level refusal (%s) is said by its code, never raw', (status, code, key) => {
    expect(uploadResult(status, { errors: [{ extensions: { code } }] }, 'sv')).toEqual({
      ok: false,
      message: key,
    });
  });

  test('a 413 from a proxy in front, without a body, is still "too large"', () => {
    expect(uploadResult(413, null, 'sv')).toEqual({ ok: false, message: 'userErrors.FILE_TOO_LARGE' });
  });
});

describe('before sending', () => {
  test.each([
    ['protokoll.pdf', 10, null],
    ['Bild.JPG', 10, null],
    ['program.exe', 10, 'documents.typeNotAccepted'],
    ['utan-filändelse', 10, 'documents.typeNotAccepted'],
    ['tom.pdf', 0, 'documents.empty'],
  ])('%s of %i bytes: %s', (name, size, message) => {
    expect(checkBeforeUpload(new File([new Uint8Array(size)], name))).toBe(message);
  });
});
