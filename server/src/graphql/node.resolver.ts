import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from './context.js';
import { Node, fromGlobalId, type NodeType } from './node.js';
import { Agreement } from '../agreement/agreement.entity.js';
import { Forum } from '../forums/forum.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { ActivityPlan } from '../activity-plan/activity-plan.entity.js';
import { Activity } from '../activity-plan/activity.entity.js';
import { findVisibleMeeting } from '../meetings/meeting.queries.js';

const PUBLIC_TYPES = { Agreement, Forum, ActivityPlan, Activity } as const;

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null when absent or not visible.',
  })
  async node(
    @Arg('id', () => ID, { description: 'Global id.' }) id: string,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    const decoded = fromGlobalId(id);
    if (!decoded) return null;
    const type: NodeType = decoded.type;
    if (type === 'Meeting') return findVisibleMeeting(em, viewer, decoded.id);
    if (type === 'AgendaItem') {
      const item = await em.findOne(AgendaItem, decoded.id);
      if (!item) return null;
      return (await findVisibleMeeting(em, viewer, item.meeting.id)) ? item : null;
    }
    if (type in PUBLIC_TYPES) return em.findOne(PUBLIC_TYPES[type as keyof typeof PUBLIC_TYPES], decoded.id);
    return null;
  }
}
