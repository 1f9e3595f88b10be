import type { ApolloError } from '@apollo/client/core';
import type { UserErrorCode } from '../gql/graphql';

export type TopLevelErrorKey =
  'errors.FORBIDDEN' | 'errors.UNAUTHENTICATED' | 'errors.NETWORK' | 'errors.GENERIC';

type ErrorLike = Pick<ApolloError, 'graphQLErrors' | 'networkError'> | null | undefined;

interface NetworkErrorLike {
  /** Set when the server answered (ServerError, ServerParseError); absent when it could not be reached. */
  statusCode?: number;
  /** The body of an HTTP 4xx/5xx answer, which may hold GraphQL errors (e.g. a validation failure). */
  result?: { errors?: { extensions?: { code?: unknown } }[] } | string;
}

/**
 * The i18n key for a top-level GraphQL or network error. Never show the server's raw message:
 * it may be English, technical or masked.
 */
export function topLevelErrorKey(error: ErrorLike | unknown): TopLevelErrorKey {
  const e = error as ErrorLike;
  const network = (e?.networkError ?? null) as NetworkErrorLike | null;
  const bodyErrors = network && typeof network.result === 'object' ? (network.result.errors ?? []) : [];
  const codes = [...(e?.graphQLErrors ?? []), ...bodyErrors].map((g) => g.extensions?.code);
  if (codes.includes('UNAUTHENTICATED')) return 'errors.UNAUTHENTICATED';
  if (codes.includes('FORBIDDEN')) return 'errors.FORBIDDEN';
  if (network && network.statusCode === undefined && codes.length === 0) return 'errors.NETWORK';
  return 'errors.GENERIC';
}

export interface UserErrorLike {
  field: readonly string[];
  code: UserErrorCode;
  /** The server's own words, in Swedish: what was wrong, and the limit where there is one. */
  message?: string;
  /** With RATE_LIMITED: how many minutes to wait. */
  retryAfterMinutes?: number | null;
  /** With TOO_LONG: the most characters (or entries) allowed. */
  max?: number | null;
}

/**
 * What to show beside a field: an i18n key (from a check in the client) or an error from the server, kept
 * with its own Swedish words and with the i18n key and parameters that say it in another language.
 */
export type FieldMessage = string | { key: string; params?: Record<string, unknown>; sv?: string };

/** A text over its limit, said with the limit (the same words as the server's). */
export function tooLong(max: number): FieldMessage {
  return { key: 'userErrors.TOO_LONG_MAX', params: { max } };
}

/**
 * A field message in the page's language. In Swedish a server error shows the server's words, which say
 * exactly what was wrong; in English the client words it from the code and the error's parameters.
 * `params` fill a plain key (e.g. the shortest password).
 */
export function fieldMessageText(
  t: (key: string, params?: Record<string, unknown>) => string,
  locale: string,
  message: FieldMessage,
  params: Record<string, unknown> = {},
): string {
  if (typeof message === 'string') return t(message, params);
  if (locale === 'sv' && message.sv) return message.sv;
  return t(message.key, { ...params, ...message.params });
}

/** An i18n key with the parameters its message needs, written as "key|minutes" for RATE_LIMITED. */
function errorKey(error: UserErrorLike): string {
  if (error.code === 'RATE_LIMITED' && error.retryAfterMinutes) {
    return `userErrors.RATE_LIMITED_WAIT|${error.retryAfterMinutes}`;
  }
  return `userErrors.${error.code}`;
}

/** A server error beside its field: its own words, and how to say it in another language. */
function fieldMessage(error: UserErrorLike): FieldMessage {
  if (error.code === 'TOO_LONG' && error.max) {
    return { key: 'userErrors.TOO_LONG_MAX', params: { max: error.max }, sv: error.message };
  }
  const [key, minutes] = errorKey(error).split('|');
  return { key: key!, params: minutes ? { minutes: Number(minutes) } : undefined, sv: error.message };
}

/** Translates a key from groupUserErrors (or any plain i18n key), filling in the wait time where it has one. */
export function errorText(t: (key: string, params?: Record<string, unknown>) => string, key: string): string {
  const [base, minutes] = key.split('|');
  return minutes ? t(base!, { minutes: Number(minutes) }) : t(key);
}

/** The input field a payload error concerns ("email" for ["input","email"]), or null for the whole input. */
export function errorField(error: UserErrorLike): string | null {
  const path = error.field[0] === 'input' ? error.field.slice(1) : error.field;
  return path.length ? path.join('.') : null;
}

/** Splits payload errors into messages per field and whole-form i18n keys. */
export function groupUserErrors(errors: readonly UserErrorLike[]): {
  byField: Record<string, FieldMessage>;
  general: string[];
} {
  const byField: Record<string, FieldMessage> = {};
  const general: string[] = [];
  for (const error of errors) {
    const field = errorField(error);
    if (field && !byField[field]) byField[field] = fieldMessage(error);
    else if (!field) {
      const key = errorKey(error);
      if (!general.includes(key)) general.push(key);
    }
  }
  return { byField, general };
}
