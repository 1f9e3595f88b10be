import {
  Arg,
  Ctx,
  Extensions,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { SubmissionStatus } from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { idOfType } from '../graphql/node.js';
import { badUserInput } from '../graphql/errors.js';
import { PERSON_DEPENDENT } from '../live/audience.js';
import { LIVE_CURSOR } from '../live/live-cursor.js';
import {
  PartySubmissionConnection,
  PartySubmissionsEvent,
  SubmissionQueue,
  SubmissionQueueEvent,
} from './submission-queues.types.js';
import {
  partySubmissions,
  partySubmissionsCursor,
  submissionQueue,
  submissionQueueCursor,
  type PartySubmissions,
} from './submission-queues.queries.js';

/** A party's own list of matters and the coordinator's submission queue, both live. */
@Resolver()
export class SubmissionQueuesResolver {
  @Query(() => PartySubmissionConnection, {
    description:
      "A party's own matters, newest change first: drafts included for its people; the coordinator sees its " +
      'submitted ones. Refused to anyone else.',
  })
  @Extensions(PERSON_DEPENDENT)
  async partySubmissions(
    @Arg('partyId', () => ID, { description: 'The party.' }) partyId: string,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 20, at most 100).' })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor of the last item of the previous page.',
    })
    after: string | null,
    @Arg('statuses', () => [SubmissionStatus], {
      nullable: true,
      description: 'Only matters in these statuses.',
    })
    statuses: SubmissionStatus[] | null,
    @Ctx() { em, viewer }: GraphQLContext,
  ): Promise<PartySubmissions> {
    const uuid = idOfType(partyId, 'Party');
    if (!uuid) throw badUserInput('partyId is not a party');
    return partySubmissions(em, viewer, { partyId: uuid, first, after, statuses });
  }

  @Query(() => SubmissionQueue, {
    nullable: true,
    description:
      "The coordinator's submission queue, by section; for a C-nätet representative, the matters referred to " +
      'their department. Null for anyone else signed in; refused when signed out.',
  })
  @Extensions(PERSON_DEPENDENT)
  async submissionQueue(@Ctx() { em, viewer }: GraphQLContext): Promise<SubmissionQueue | null> {
    return submissionQueue(em, viewer);
  }

  @Subscription(() => SubmissionQueueEvent, {
    description: 'The submission queue changed: for the coordinator and C-nätet representatives.',
    subscribe: () => {
      throw new Error('submissionQueueChanged is served by the live hub');
    },
  })
  submissionQueueChanged(
    @Root() event: SubmissionQueueEvent,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last event seen.' })
    _after: string | null,
  ): SubmissionQueueEvent {
    return event;
  }

  @Subscription(() => PartySubmissionsEvent, {
    description: "A party's own list of matters changed: for its people and the coordinator.",
    subscribe: () => {
      throw new Error('partySubmissionsChanged is served by the live hub');
    },
  })
  partySubmissionsChanged(
    @Root() event: PartySubmissionsEvent,
    @Arg('partyId', () => ID, { description: 'The party.' }) _partyId: string,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last event seen.' })
    _after: string | null,
  ): PartySubmissionsEvent {
    return event;
  }
}

@Resolver(() => SubmissionQueue)
export class SubmissionQueueResolver {
  @FieldResolver(() => String, {
    description:
      'Cursor of the latest change this answer reflects: subscribe to submissionQueueChanged with ' +
      'after: liveCursor to miss nothing since this query.',
  })
  @Extensions(LIVE_CURSOR)
  liveCursor(@Root() _queue: SubmissionQueue, @Ctx() ctx: GraphQLContext): Promise<string> {
    return submissionQueueCursor(ctx);
  }
}

@Resolver(() => PartySubmissionConnection)
export class PartySubmissionConnectionResolver {
  @FieldResolver(() => String, {
    description:
      'Cursor of the latest change this answer reflects: subscribe to partySubmissionsChanged with ' +
      'after: liveCursor to miss nothing since this query.',
  })
  @Extensions(LIVE_CURSOR)
  liveCursor(@Root() list: PartySubmissions, @Ctx() ctx: GraphQLContext): Promise<string> {
    return partySubmissionsCursor(ctx, list);
  }
}

/** The resolver classes of the party's list and the queue, for the module's list. */
export const submissionQueueResolvers = [
  SubmissionQueuesResolver,
  SubmissionQueueResolver,
  PartySubmissionConnectionResolver,
];
