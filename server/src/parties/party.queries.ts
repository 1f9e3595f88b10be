import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessionStatus, MembershipRole, PartyKind, PartySector, sectorOf } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import type { Accession } from '../accession/accession.entity.js';
import { latestCursor, partyTopic } from '../live/publish.js';
import { Membership } from './membership.entity.js';
import { Party } from './party.entity.js';
import { latestAccession, partyFacts } from './party-facts.js';
import { partyPolicy } from './party.policy.js';

export interface RegisterFilter {
  search?: string | null;
  kind?: PartyKind | null;
  sector?: PartySector | null;
  limit: number;
  offset: number;
}

/** When each party of a register page joined, kept beside the entity for the joinedOn field. */
export const joinedOnOf = new WeakMap<Party, Date | null>();

const LATEST_ACCESSION = `join lateral (
  select a.status, a.decided_at from accession a where a.party_id = p.id order by a.requested_at desc limit 1
) latest on true`;

/**
 * The public register: joined parties, searched with Swedish full text over name and description and by
 * area of interest, filtered by kind or sector, by name. Two statements: the page and its count.
 */
export async function searchRegister(em: EntityManager, filter: RegisterFilter) {
  const conditions = ['latest.status = ?'];
  const params: unknown[] = [AccessionStatus.APPROVED];
  if (filter.kind) {
    conditions.push('p.kind = ?');
    params.push(filter.kind);
  }
  if (filter.sector) {
    const kinds = Object.values(PartyKind).filter((kind) => sectorOf(kind) === filter.sector);
    conditions.push(`p.kind in (${kinds.map(() => '?').join(', ')})`);
    params.push(...kinds);
  }
  const search = filter.search?.trim();
  if (search) {
    conditions.push(
      `(to_tsvector('swedish', p.name || ' ' || coalesce(p.description, '')) @@ websearch_to_tsquery('swedish', ?)
        or p.areas_of_interest @> array[lower(?)]::text[] or p.name ilike ?)`,
    );
    params.push(search, search, `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const where = conditions.join(' and ');
  const connection = em.getConnection();
  const [rows, [count]] = await Promise.all([
    connection.execute<Record<string, unknown>[]>(
      `select p.*, latest.decided_at as joined_on from party p ${LATEST_ACCESSION} where ${where}
       order by p.name, p.id limit ? offset ?`,
      [...params, filter.limit, filter.offset],
    ),
    connection.execute<{ total: string }[]>(
      `select count(*) as total from party p ${LATEST_ACCESSION} where ${where}`,
      params,
    ),
  ]);
  const parties = rows.map(({ joined_on, ...row }) => {
    const party = em.map(Party, row);
    joinedOnOf.set(party, joined_on ? new Date(joined_on as string) : null);
    return party;
  });
  return { parties, total: Number(count?.total ?? 0) };
}

/** When the party joined; null when it has not. */
export async function joinedOn(em: EntityManager, party: Party): Promise<Date | null> {
  if (joinedOnOf.has(party)) return joinedOnOf.get(party) ?? null;
  const accession = await latestAccession(em, party.id);
  return accession?.status === AccessionStatus.APPROVED ? (accession.decidedAt ?? null) : null;
}

/** The latest accession: public once approved; otherwise for the party's people and the coordinator. */
export async function visibleAccession(
  em: EntityManager,
  viewer: Viewer | null,
  party: Party,
): Promise<Accession | null> {
  const accession = await latestAccession(em, party.id);
  if (!accession) return null;
  if (accession.status === AccessionStatus.APPROVED) return accession;
  return partyPolicy.seeInternals(viewer, await partyFacts(em, viewer, party)) ? accession : null;
}

/** Members and contacts with their memberships: for its contacts and the coordinator, empty for others. */
export async function partyMembers(
  em: EntityManager,
  viewer: Viewer | null,
  party: Party,
): Promise<Membership[]> {
  const facts = await partyFacts(em, viewer, party);
  if (!viewer || !(viewer.isCoordinator || facts.role === MembershipRole.CONTACT)) return [];
  return em.find(Membership, { party: party.id }, { populate: ['person'], orderBy: { createdAt: 'asc' } });
}

/** Cursor of the party's latest change, for its people and the coordinator; null for others. */
export async function partyLiveCursor(
  em: EntityManager,
  viewer: Viewer | null,
  party: Party,
): Promise<string | null> {
  if (!partyPolicy.seeInternals(viewer, await partyFacts(em, viewer, party))) return null;
  return latestCursor(em, partyTopic(party.id));
}

/** Coordinator: networks waiting for confirmation; nothing for anyone else. */
export async function unconfirmedNetworks(em: EntityManager, viewer: Viewer | null): Promise<Party[]> {
  if (!partyPolicy.coordinator(viewer)) return [];
  return em.find(
    Party,
    { kind: PartyKind.NETWORK, networkConfirmedAt: null },
    { orderBy: { createdAt: 'asc' } },
  );
}
