import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { GraphQLContext } from './context.js';

/**
 * Answers of signed-out queries, kept for a moment and dropped on any change. When a meeting starts, every
 * projector and phone asks the same public question at once; they share one execution instead of each
 * hydrating the same rows. Writes on this instance clear it at once, writes elsewhere when their live
 * event arrives (LISTEN), and nothing is kept longer than TTL_MS whatever happens. An answer whose execution
 * started before a clear is never stored after it: it may hold the state from before the change.
 */
const TTL_MS = 2000;
const MAX_ENTRIES = 500;

export const publicQueryCacheMetrics = { hits: 0, misses: 0 };

export class PublicQueryCache {
  private readonly entries = new Map<string, { at: number; body: GraphQLResponse['body'] }>();
  /** Counts clears: an answer is stored only if none happened since its request started. */
  private generation = 0;

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  plugin(): ApolloServerPlugin<GraphQLContext> {
    const { entries } = this;
    const clear = () => this.clear();
    const generation = () => this.generation;
    return {
      async requestDidStart({ request, contextValue }) {
        const startedIn = generation();
        // `Cache-Control: no-cache` asks for a fresh answer, as HTTP caches honour it.
        const fresh = /no-cache/i.test(request.http?.headers.get('cache-control') ?? '');
        const cacheable = contextValue.viewer === null && !fresh;
        const key = `${request.operationName ?? ''}\n${request.query ?? ''}\n${JSON.stringify(request.variables ?? {})}`;
        return {
          async responseForOperation({ operation }) {
            if (!cacheable || operation?.operation !== 'query') return null;
            const hit = entries.get(key);
            if (hit && Date.now() - hit.at < TTL_MS) {
              publicQueryCacheMetrics.hits++;
              // Headers (content type, cookies) belong to each request; only the body is shared.
              return { http: { status: undefined, headers: new HeaderMap() }, body: hit.body };
            }
            publicQueryCacheMetrics.misses++;
            return null;
          },
          async willSendResponse({ operation, response }) {
            if (operation?.operation === 'mutation') return clear();
            if (!cacheable || operation?.operation !== 'query') return;
            if (response.body.kind !== 'single' || response.body.singleResult.errors) return;
            if (generation() !== startedIn) return;
            if (entries.size >= MAX_ENTRIES) entries.clear();
            entries.set(key, { at: Date.now(), body: response.body });
          },
        };
      },
    };
  }
}
