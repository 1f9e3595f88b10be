import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Logger } from '../logger.js';
import type { GraphQLContext } from './context.js';
import { maskError } from './mask-errors.js';
import type { PublicQueryCache } from './public-query-cache.js';

export const graphqlMetrics = { executions: 0 };

/** Depth, alias, cost and token limits on every operation, HTTP and WebSocket alike. */
export function createArmor() {
  return new ApolloArmor({
    // Fragments count by what they select, not as a level of their own.
    maxDepth: { n: 10, flattenFragments: true },
    maxAliases: { n: 15 },
    costLimit: { maxCost: 5000 },
    maxDirectives: { n: 20 },
    // Armor's token limit re-parses in a plugin and turns syntax errors into 500s; the 100 kB body limit and,
    // on WebSockets, graphql-js's own maxTokens bound the parser instead.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

export function createApollo(schema: GraphQLSchema, log: Logger, publicQueryCache: PublicQueryCache) {
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
      publicQueryCache.plugin(),
      ApolloServerPluginLandingPageDisabled(),
    ],
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    // startSamverka's close() owns shutdown: requests in flight, then WebSockets (1001), then the database.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted: GraphQLFormattedError, error: unknown) => maskError(formatted, error, log),
  });
}
