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
import { LocalDateResolver } from 'graphql-scalars';
import type { GraphQLContext } from '../graphql/context.js';
import { badUserInput } from '../graphql/errors.js';
import { idOfType } from '../graphql/node.js';
import { LIVE_CURSOR } from '../live/live-cursor.js';
import { PERSON_DEPENDENT, ROLE_DEPENDENT } from '../live/audience.js';
import { Invitation } from './invitation.entity.js';
import {
  invitationLastDay,
  invitationLiveCursor,
  invitationRegister,
  invitationsLiveCursor,
  partyInvitations,
  partyInvitationsLiveCursor,
  viewerFollowsUp,
  type InvitationRegisterPage,
  type PartyInvitations,
} from './invitation-register.queries.js';
import {
  InvitationChangedEvent,
  InvitationRegisterConnection,
  InvitationRegisterFilterInput,
  InvitationsChangedEvent,
  PartyInvitationConnection,
} from './invitation-register.types.js';

/** The public list of invitations and consultations, a party's own list, and their live changes. */
@Resolver()
export class InvitationRegisterResolver {
  @Query(() => InvitationRegisterConnection, {
    description:
      'Published invitations and consultations (never drafts), newest published first, or by relevance when ' +
      'searching: Swedish full-text search, filters, Relay pagination.',
  })
  invitations(
    @Ctx() { em }: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 20, at most 100).' })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor of the last invitation of the previous page.',
    })
    after: string | null,
    @Arg('search', () => String, {
      nullable: true,
      description:
        'Words to find in Swedish (web search syntax: "a phrase", or, -not), or a registration number.',
    })
    search: string | null,
    @Arg('filter', () => InvitationRegisterFilterInput, { nullable: true, description: 'Filters.' })
    filter: InvitationRegisterFilterInput | null,
  ): Promise<InvitationRegisterPage> {
    return invitationRegister(em, { first, after, search, filter });
  }

  @Query(() => PartyInvitationConnection, {
    description:
      "A party's own invitations, drafts included, latest change first: for the party's active members only.",
  })
  @Extensions(PERSON_DEPENDENT)
  partyInvitations(
    @Arg('partyId', () => ID, { description: 'The party.' }) partyId: string,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 20, at most 100).' })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor of the last item of the previous page.',
    })
    after: string | null,
    @Ctx() { em, viewer }: GraphQLContext,
  ): Promise<PartyInvitations> {
    const uuid = idOfType(partyId, 'Party');
    if (!uuid) throw badUserInput('partyId is not a party');
    return partyInvitations(em, viewer, { partyId: uuid, first, after });
  }

  @Subscription(() => InvitationChangedEvent, {
    description: "Changes of one invitation for its page: its steps, its occasions' seats, its answers.",
    subscribe: () => {
      throw new Error('invitationChanged is served by the live hub');
    },
  })
  invitationChanged(
    @Root() event: InvitationChangedEvent,
    @Arg('invitationId', () => ID, { description: "The invitation's global id." }) _invitationId: string,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last event seen.' })
    _after: string | null,
  ): InvitationChangedEvent {
    return event;
  }

  @Subscription(() => InvitationsChangedEvent, {
    description: 'A published invitation changed (a new one, a step, an answer); refetch the list. Public.',
    subscribe: () => {
      throw new Error('invitationsChanged is served by the live hub');
    },
  })
  invitationsChanged(
    @Root() event: InvitationsChangedEvent,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last event seen.' })
    _after: string | null,
  ): InvitationsChangedEvent {
    return event;
  }

  @Subscription(() => InvitationsChangedEvent, {
    description: "A party's own list of invitations changed, drafts included: for the party's members.",
    subscribe: () => {
      throw new Error('partyInvitationsChanged is served by the live hub');
    },
  })
  partyInvitationsChanged(
    @Root() event: InvitationsChangedEvent,
    @Arg('partyId', () => ID, { description: 'The party.' }) _partyId: string,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last event seen.' })
    _after: string | null,
  ): InvitationsChangedEvent {
    return event;
  }
}

/** The public list's live cursor. */
@Resolver(() => InvitationRegisterConnection)
export class InvitationRegisterConnectionResolver {
  @FieldResolver(() => String, {
    description:
      'Cursor of the latest change this answer reflects: subscribe to invitationsChanged with after: liveCursor ' +
      'to miss nothing since this query.',
  })
  @Extensions(LIVE_CURSOR)
  liveCursor(@Root() _list: InvitationRegisterPage, @Ctx() ctx: GraphQLContext): Promise<string> {
    return invitationsLiveCursor(ctx);
  }
}

/** A party's list's live cursor. */
@Resolver(() => PartyInvitationConnection)
export class PartyInvitationConnectionResolver {
  @FieldResolver(() => String, {
    description:
      'Cursor of the latest change this answer reflects: subscribe to partyInvitationsChanged with after: ' +
      'liveCursor to miss nothing since this query.',
  })
  @Extensions(LIVE_CURSOR)
  liveCursor(@Root() list: PartyInvitations, @Ctx() ctx: GraphQLContext): Promise<string> {
    return partyInvitationsLiveCursor(ctx, list);
  }
}

/** The invitation's fields the lists and the live page add. */
@Resolver(() => Invitation)
export class InvitationRegisterFieldsResolver {
  @FieldResolver(() => LocalDateResolver, {
    nullable: true,
    description:
      "The last day to answer: a consultation's deadline, or the day of the last occasion (Swedish time).",
  })
  lastDay(@Root() invitation: Invitation): string | null {
    return invitationLastDay(invitation);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the viewer follows the invitation up (a member of the inviting party, or the coordinator): ' +
      'they are shown whether its feedback is overdue.',
  })
  @Extensions(ROLE_DEPENDENT)
  viewerFollowsUp(@Root() invitation: Invitation, @Ctx() { em, viewer }: GraphQLContext): Promise<boolean> {
    return viewerFollowsUp(em, viewer, invitation);
  }

  @FieldResolver(() => String, {
    description:
      "Cursor of the invitation's latest change: subscribe to invitationChanged with after: liveCursor to miss " +
      'nothing since.',
  })
  @Extensions(LIVE_CURSOR)
  liveCursor(@Root() invitation: Invitation, @Ctx() ctx: GraphQLContext): Promise<string> {
    return invitationLiveCursor(ctx, invitation);
  }
}

/** The resolver classes of the lists, for the module's list. */
export const invitationRegisterResolvers = [
  InvitationRegisterResolver,
  InvitationRegisterConnectionResolver,
  PartyInvitationConnectionResolver,
  InvitationRegisterFieldsResolver,
];
