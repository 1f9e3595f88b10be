import 'reflect-metadata';
import './enums.js';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { features } from '../features.js';
import { NodeResolver } from './node.resolver.js';
import { refuseControlCharacters } from './control-characters.js';

/** The GraphQL schema, built from the resolvers; schema/schema.graphql is printed from it. */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [NodeResolver, ...features.flatMap((feature) => feature.resolvers)],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    // type-graphql insists on a PubSub for subscription fields; ours are routed to the live hub before they
    // could reach it (see live/ws-server.ts), so it only has to refuse.
    pubSub: {
      publish: () => undefined,
      subscribe: () => {
        throw new Error('subscriptions are served by the live hub');
      },
    },
  });
  return refuseControlCharacters(schema);
}
