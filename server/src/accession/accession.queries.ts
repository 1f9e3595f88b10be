import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessionStatus } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { COORDINATOR_QUEUE_TOPIC, latestCursor } from '../live/publish.js';
import { Party } from '../parties/party.entity.js';
import { partyFacts } from '../parties/party-facts.js';
import { partyPolicy } from '../parties/party.policy.js';
import { Accession } from './accession.entity.js';
import { ExclusionCase } from './exclusion-case.entity.js';

export interface PageWindow {
  limit: number;
  offset: number;
}

function coordinatorOnly(viewer: Viewer | null) {
  if (!viewer) throw unauthenticated();
  if (!partyPolicy.coordinator(viewer)) throw forbidden();
}

/** Coordinator: accessions waiting for a decision, oldest first. */
export function pendingAccessions(em: EntityManager, viewer: Viewer | null, { limit, offset }: PageWindow) {
  coordinatorOnly(viewer);
  return em.findAndCount(
    Accession,
    { status: AccessionStatus.REQUESTED },
    { orderBy: { requestedAt: 'asc' }, limit, offset, populate: ['party'] },
  );
}

/** Exclusion cases, open ones first: all for the coordinator; one party's own for its people. */
export async function exclusionCases(
  em: EntityManager,
  viewer: Viewer | null,
  partyId: string | null,
  { limit, offset }: PageWindow,
) {
  if (!viewer) throw unauthenticated();
  const party = partyId ? await em.findOne(Party, partyId) : null;
  if (!partyPolicy.coordinator(viewer)) {
    if (!party || !partyPolicy.seeInternals(viewer, await partyFacts(em, viewer, party))) throw forbidden();
  }
  return em.findAndCount(ExclusionCase, party ? { party: party.id } : {}, {
    orderBy: { decidedAt: 'asc nulls first', openedAt: 'desc' },
    limit,
    offset,
    populate: ['party'],
  });
}

/** Coordinator: cursor of the queue's latest change. */
export function coordinatorQueueCursor(em: EntityManager, viewer: Viewer | null): Promise<string> {
  coordinatorOnly(viewer);
  return latestCursor(em, COORDINATOR_QUEUE_TOPIC);
}
