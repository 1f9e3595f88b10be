import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { Connection, pageWindow, toConnection } from '../graphql/connection.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { MeetingConnection } from '../meetings/meetings.resolver.js';
import { visibleMeetings } from '../meetings/meeting.queries.js';
import { Forum } from './forum.entity.js';
import { CouncilSeat } from '../council/council-seat.entity.js';

const ForumConnection = Connection(Forum, 'Forum');

@Resolver(() => Forum)
export class ForumsResolver {
  @Query(() => ForumConnection, {
    description: 'Councils and forums for dialogue, in the order of the forum list.',
  })
  async forums(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
    @Ctx() { em }: GraphQLContext,
  ) {
    const { limit, offset } = pageWindow(first, after);
    const [items, total] = await em.findAndCount(Forum, {}, { orderBy: { position: 'asc' }, limit, offset });
    return toConnection(items, total, offset);
  }

  @Query(() => Forum, { nullable: true, description: 'A forum by its short name.' })
  forum(
    @Arg('slug', () => String, { description: "The forum's short name." }) slug: string,
    @Ctx() { em }: GraphQLContext,
  ) {
    return em.findOne(Forum, { slug });
  }

  @FieldResolver(() => [CouncilSeat], { description: 'Seats held now and who holds them, in order.' })
  async seats(@Root() forum: Forum): Promise<CouncilSeat[]> {
    return (await forum.seats.load({ dataloader: true })).getItems().filter((seat) => !seat.endedAt);
  }

  @FieldResolver(() => MeetingConnection, { description: "The forum's meetings, the latest first." })
  async meetings(
    @Root() forum: Forum,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    const { limit, offset } = pageWindow(first, after);
    const [items, total] = await em.findAndCount(
      Meeting,
      { $and: [{ forum: forum.id }, visibleMeetings(viewer)] },
      { orderBy: { startsAt: 'desc' }, limit, offset },
    );
    return toConnection(items, total, offset);
  }
}
