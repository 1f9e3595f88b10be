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
  /** With RATE_LIMITED: how many minutes to wait. */
  retryAfterMinutes?: number | null;
}

/** An i18n key with the parameters its message needs, written as "key|minutes" for RATE_LIMITED. */
function errorKey(error: UserErrorLike): string {
  if (error.code === 'RATE_LIMITED' && error.retryAfterMinutes) {
    return `userErrors.RATE_LIMITED_WAIT|${error.retryAfterMinutes}`;
  }
  return `userErrors.${error.code}`;
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

/** Splits payload errors into per-field i18n keys and whole-form i18n keys. */
export function groupUserErrors(errors: readonly UserErrorLike[]): {
  byField: Record<string, string>;
  general: string[];
} {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    const key = errorKey(error);
    const field = errorField(error);
    if (field && !byField[field]) byField[field] = key;
    else if (!field && !general.includes(key)) general.push(key);
  }
  return { byField, general };
}
