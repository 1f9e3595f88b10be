import { ApolloServerErrorCode, ApolloServerValidationErrorCode } from '@apollo/server/errors';
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger.js';

/** Codes a client may see; anything else is an internal error and is masked. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ApolloServerErrorCode).filter(
    (code) => code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR,
  ),
  ...Object.values(ApolloServerValidationErrorCode),
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'TOO_MANY_SUBSCRIPTIONS',
  'QUERY_TOO_COMPLEX',
]);

/** Keeps errors with a public code; replaces anything else by "Internal server error", logging the original. */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log?: Logger,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code },
    };
  }
  // The error that was thrown, not GraphQL's wrapper; the logger's serializer keeps SQL and its parameters out.
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  log?.error({ err: original, path: formatted.path }, 'GraphQL error');
  return {
    message: 'Internal server error.',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** An execution result as sent to clients, errors masked. */
export function formatResult(result: ExecutionResult): { data?: unknown; errors?: GraphQLFormattedError[] } {
  if (!result.errors?.length) return { data: result.data };
  return { data: result.data, errors: result.errors.map((error) => maskError(error.toJSON(), error)) };
}
