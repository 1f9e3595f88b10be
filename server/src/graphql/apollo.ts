import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError, GraphQLSchema, ValidationRule } from 'graphql';
import type { Logger } from '../logger.js';
import type { GraphQLContext } from './context.js';
import { parseOptions } from './document-limits.js';
import { maskError } from './mask-errors.js';
import type { PublicQueryCache } from './public-query-cache.js';

export const graphqlMetrics = { executions: 0, validations: 0 };

/** Counts the runs of validation, so tests can tell that a document was refused before it. */
const countValidations: ValidationRule = () => {
  graphqlMetrics.validations++;
  return {};
};

/** Depth, alias, cost and directive limits on every operation, HTTP and WebSocket alike. */
export function createArmor() {
  const armor = new ApolloArmor({
    // Fragments count by what they select, not as a level of their own.
    maxDepth: { n: 10, flattenFragments: true },
    maxAliases: { n: 15 },
    costLimit: { maxCost: 5000 },
    maxDirectives: { n: 20 },
    // Armor's token limit re-parses in a plugin and turns syntax errors into 500s; graphql-js's own maxTokens
    // (document-limits.ts) bounds the parser instead, HTTP and WebSocket alike.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return { ...armor, validationRules: [countValidations, ...armor.validationRules] };
}

export function createApollo(
  schema: GraphQLSchema,
  httpServer: Server,
  log: Logger,
  shutdownGraceMs: number,
  publicQueryCache: PublicQueryCache,
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
    parseOptions,
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS build; the plugins are the same at run time.
      ...(armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      countExecutions,
      publicQueryCache.plugin(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: shutdownGraceMs }),
    ],
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown: WebSockets first (1001), then requests in flight, then the database.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted: GraphQLFormattedError, error: unknown) => maskError(formatted, error, log),
  });
}
