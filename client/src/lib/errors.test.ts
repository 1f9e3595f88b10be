import { describe, expect, test } from 'vitest';
import { GraphQLError } from 'graphql';
import { errorText, fieldMessageText, groupUserErrors, tooLong, topLevelErrorKey } from './errors';

describe('topLevelErrorKey', () => {
  test.each([
    [
      'FORBIDDEN',
      { graphQLErrors: [new GraphQLError('x', { extensions: { code: 'FORBIDDEN' } })] },
      'errors.FORBIDDEN',
    ],
    [
      'UNAUTHENTICATED',
      { graphQLErrors: [new GraphQLError('x', { extensions: { code: 'UNAUTHENTICATED' } })] },
      'errors.UNAUTHENTICATED',
    ],
    [
      'internal',
      { graphQLErrors: [new GraphQLError('boom', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] },
      'errors.GENERIC',
    ],
    ['network', { graphQLErrors: [], networkError: new Error('offline') }, 'errors.NETWORK'],
    [
      'HTTP 400 with a validation error in the body',
      {
        graphQLErrors: [],
        networkError: Object.assign(new Error('400'), {
          statusCode: 400,
          result: { errors: [{ message: 'depth', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
        }),
      },
      'errors.GENERIC',
    ],
    [
      'HTTP 401 body with UNAUTHENTICATED',
      {
        graphQLErrors: [],
        networkError: Object.assign(new Error('401'), {
          statusCode: 401,
          result: { errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] },
        }),
      },
      'errors.UNAUTHENTICATED',
    ],
    [
      'HTTP 502 from a proxy',
      { graphQLErrors: [], networkError: Object.assign(new Error('502'), { statusCode: 502 }) },
      'errors.GENERIC',
    ],
    ['nothing', undefined, 'errors.GENERIC'],
  ])('%s', (_name, error, expected) => {
    expect(topLevelErrorKey(error)).toBe(expected);
  });
});

describe('groupUserErrors', () => {
  test("puts field errors beside the field, with the server's words and the limit, and the rest in general", () => {
    expect(
      groupUserErrors([
        { field: ['input', 'decision'], message: 'Högst 4000 tecken.', code: 'TOO_LONG', max: 4000 },
        { field: ['input', 'email'], message: 'Ange en giltig e-postadress.', code: 'INVALID' },
        { field: [], code: 'STALE_VERSION' },
        { field: ['input'], code: 'INVALID_CREDENTIALS' },
      ]),
    ).toEqual({
      byField: {
        decision: { key: 'userErrors.TOO_LONG_MAX', params: { max: 4000 }, sv: 'Högst 4000 tecken.' },
        email: { key: 'userErrors.INVALID', params: undefined, sv: 'Ange en giltig e-postadress.' },
      },
      general: ['userErrors.STALE_VERSION', 'userErrors.INVALID_CREDENTIALS'],
    });
  });
});

describe('a rate limit says how long to wait', () => {
  const t = (key: string, params?: Record<string, unknown>) =>
    `${key}${params ? JSON.stringify(params) : ''}`;
  test.each([
    [
      { field: ['input'], code: 'RATE_LIMITED' as const, retryAfterMinutes: 12 },
      'userErrors.RATE_LIMITED_WAIT{"minutes":12}',
    ],
    [{ field: ['input'], code: 'RATE_LIMITED' as const, retryAfterMinutes: null }, 'userErrors.RATE_LIMITED'],
    [{ field: ['input'], code: 'INVALID_CREDENTIALS' as const }, 'userErrors.INVALID_CREDENTIALS'],
  ])('%j', (error, text) => {
    const { general } = groupUserErrors([error]);
    expect(general.map((key) => errorText(t, key))).toEqual([text]);
  });
});

describe('fieldMessageText', () => {
  const t = (key: string, params?: Record<string, unknown>) =>
    `${key}${params && Object.keys(params).length ? JSON.stringify(params) : ''}`;
  const server = {
    key: 'userErrors.TOO_LONG_MAX',
    params: { max: 200 },
    sv: 'Namnet får vara högst 200 tecken.',
  };
  test.each([
    ['a server error in Swedish: its own words', server, 'sv', 'Namnet får vara högst 200 tecken.'],
    [
      'a server error in English: the code worded with its limit',
      server,
      'en',
      'userErrors.TOO_LONG_MAX{"max":200}',
    ],
    ["a check's key", 'userErrors.REQUIRED', 'sv', 'userErrors.REQUIRED'],
    ["a check's limit, in Swedish too", tooLong(60), 'sv', 'userErrors.TOO_LONG_MAX{"max":60}'],
  ] as const)('%s', (_name, message, locale, expected) => {
    expect(fieldMessageText(t, locale, message)).toBe(expected);
  });
});
