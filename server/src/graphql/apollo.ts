import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerErrorCode, ApolloServerValidationErrorCode } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Logger } from '../logger.js';
import type { GraphQLContext } from './context.js';

export const graphqlMetrics = { executions: 0 };

/** Codes a client may see; anything else is an internal error and is masked. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ApolloServerErrorCode).filter(
    (code) => code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR,
  ),
  ...Object.values(ApolloServerValidationErrorCode),
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
]);

/** Depth, alias, cost and token limits on every operation, HTTP and WebSocket alike. */
export function createArmor() {
  return new ApolloArmor({
    maxDepth: { n: 10 },
    maxAliases: { n: 15 },
    costLimit: { maxCost: 5000 },
    maxDirectives: { n: 20 },
    // Armor's token limit re-parses in a plugin and turns syntax errors into 500s; the 100 kB body limit and,
    // on WebSockets, graphql-js's own maxTokens bound the parser instead.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

export function createApollo(
  schema: GraphQLSchema,
  httpServer: Server,
  log: Logger,
  shutdownGraceMs: number,
) {
  const armor = createArmor();
  const countExecutions: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      return {
        async executionDidStart() {
          graphqlMetrics.executions++;
        },
      };
    },
  };
  return new ApolloServer<GraphQLContext>({
    schema,
    ...armor,
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS build; the plugins are the same at run time.
      ...(armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      countExecutions,
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: shutdownGraceMs }),
    ],
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown: WebSockets first (1001), then requests in flight, then the database.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const code = formatted.extensions?.code;
      if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
        return {
          message: formatted.message,
          locations: formatted.locations,
          path: formatted.path,
          extensions: { code },
        };
      }
      log.error(
        { err: error instanceof Error ? error.message : String(error), path: formatted.path },
        'GraphQL error',
      );
      return {
        message: 'Internal server error.',
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    },
  });
}
