import 'reflect-metadata';
import './enums.js';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { AccountsResolver } from '../accounts/accounts.resolver.js';
import { GdprResolver } from '../accounts/gdpr.resolver.js';
import { AgreementResolver } from '../agreement/agreement.resolver.js';
import { ForumsResolver } from '../forums/forums.resolver.js';
import { ActivityPlanResolver } from '../activity-plan/activity-plan.resolver.js';
import { AgendaItemResolver, MeetingsResolver } from '../meetings/meetings.resolver.js';
import { NodeResolver } from './node.resolver.js';
import { PartiesResolver, ViewerMembershipsResolver } from '../parties/parties.resolver.js';
import { AccessionResolver, ExclusionCaseResolver } from '../accession/accession.resolver.js';
import { CouncilResolver, NominationResolver } from '../council/council.resolver.js';

/** The GraphQL schema, built from the resolvers; schema/schema.graphql is printed from it. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      NodeResolver,
      AccountsResolver,
      GdprResolver,
      AgreementResolver,
      ForumsResolver,
      ActivityPlanResolver,
      MeetingsResolver,
      AgendaItemResolver,
      PartiesResolver,
      ViewerMembershipsResolver,
      AccessionResolver,
      ExclusionCaseResolver,
      CouncilResolver,
      NominationResolver,
    ],
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
}
