import type { EntityClass } from '@mikro-orm/core';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from './context.js';
import { Node, fromGlobalId, type NodeType } from './node.js';
import { Agreement } from '../agreement/agreement.entity.js';
import { Forum } from '../forums/forum.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { ActivityPlan } from '../activity-plan/activity-plan.entity.js';
import { Activity } from '../activity-plan/activity.entity.js';
import { findVisibleMeeting } from '../meetings/meeting.queries.js';
import { findVisibleSubmission } from '../submissions/submission.queries.js';
import { findVisibleInvitation } from '../invitations/invitation.queries.js';
import { CouncilSeat } from '../council/council-seat.entity.js';
import { findVisibleParty, findVisiblePartyRecord } from '../parties/party-facts.js';
import { Accession } from '../accession/accession.entity.js';
import { ExclusionCase } from '../accession/exclusion-case.entity.js';
import { Nomination } from '../council/nomination.entity.js';
import { AccessionStatus } from '@samverka/domain';
import { StandardAgendaItem } from '../meeting-planning/standard-agenda-item.entity.js';

const PUBLIC_TYPES: Record<
  string,
  EntityClass<Agreement | Forum | ActivityPlan | Activity | CouncilSeat | StandardAgendaItem>
> = {
  Agreement,
  Forum,
  ActivityPlan,
  Activity,
  CouncilSeat,
  StandardAgendaItem,
};
/** A party's records: visible to its own people and the coordinator (an approved accession to anyone). */
const PARTY_RECORDS: Record<
  'Accession' | 'ExclusionCase' | 'Nomination',
  EntityClass<Accession | ExclusionCase | Nomination>
> = { Accession, ExclusionCase, Nomination };

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
    if (type in PUBLIC_TYPES) return em.findOne(PUBLIC_TYPES[type]!, decoded.id);
    if (type === 'Party') return findVisibleParty(em, viewer, decoded.id);
    if (type === 'Submission') return findVisibleSubmission(em, viewer, decoded.id);
    if (type === 'Invitation') return findVisibleInvitation(em, viewer, decoded.id);
    if (type === 'Accession' || type === 'ExclusionCase' || type === 'Nomination') {
      const entity: { party: { id: string } } | null = await em.findOne(PARTY_RECORDS[type], decoded.id);
      return findVisiblePartyRecord(
        em,
        viewer,
        entity,
        (record) => record instanceof Accession && record.status === AccessionStatus.APPROVED,
      );
    }
    return null;
  }
}
