import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { expect, test } from 'vitest';
import { PublicQueryCache } from '../src/graphql/public-query-cache.js';
import type { GraphQLContext } from '../src/graphql/context.js';

test('an answer that started before a change and finished after it is not kept', async () => {
  let state = 'before';
  let release!: () => void;
  let held: Promise<void> | null = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const executing = new Promise<void>((resolve) => (started = resolve));
  const cache = new PublicQueryCache();
  const apollo = new ApolloServer<GraphQLContext>({
    schema: buildSchema('type Query { state: String! }'),
    rootValue: {
      state: async () => {
        const seen = state;
        started();
        if (held) await held;
        return seen;
      },
    },
    plugins: [cache.plugin()],
  });
  await apollo.start();
  const ask = async () => {
    const response = await apollo.executeOperation(
      { query: '{ state }' },
      { contextValue: { viewer: null } as GraphQLContext },
    );
    return response.body.kind === 'single' ? response.body.singleResult.data?.state : undefined;
  };

  const slow = ask();
  await executing;
  // The change commits and clears the cache while the answer from before it is still being computed.
  state = 'after';
  cache.clear();
  release();
  held = null;
  expect(await slow).toBe('before');
  expect(await ask()).toBe('after');
  await apollo.stop();
});
