import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessionStatus, MembershipStatus, UserErrorCode, sectorOf } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { userError } from '../graphql/user-error.js';
import { Accession } from '../accession/accession.entity.js';
import { Membership } from './membership.entity.js';
import { Party } from './party.entity.js';
import { partyPolicy, type PartyAccessFacts } from './party.policy.js';

/** The party's latest accession, if it ever asked to join. */
export async function latestAccession(em: EntityManager, partyId: string): Promise<Accession | null> {
  const [latest] = await em.find(
    Accession,
    { party: partyId },
    { orderBy: { requestedAt: 'desc' }, limit: 1 },
  );
  return latest ?? null;
}

/** Facts already gathered in this unit of work: a page asking several fields of one party pays once. */
const gathered = new WeakMap<EntityManager, Map<string, Promise<PartyAccessFacts>>>();

/** Gathers what the party policy decides on. */
export function partyFacts(
  em: EntityManager,
  viewer: Viewer | null,
  party: Party,
): Promise<PartyAccessFacts> {
  let known = gathered.get(em);
  if (!known) gathered.set(em, (known = new Map()));
  const key = `${viewer?.id ?? ''}:${party.id}`;
  let facts = known.get(key);
  if (!facts) {
    facts = gatherPartyFacts(em, viewer, party);
    known.set(key, facts);
  }
  return facts;
}

async function gatherPartyFacts(
  em: EntityManager,
  viewer: Viewer | null,
  party: Party,
): Promise<PartyAccessFacts> {
  const [membership, accession] = await Promise.all([
    viewer
      ? em.findOne(Membership, { person: viewer.id, party: party.id, status: MembershipStatus.ACTIVE })
      : null,
    latestAccession(em, party.id),
  ]);
  return {
    role: membership?.role ?? null,
    joined: accession?.status === AccessionStatus.APPROVED,
    excluded: accession?.status === AccessionStatus.EXCLUDED,
    sector: sectorOf(party.kind),
  };
}

/** A party the viewer may see: joined ones for anyone, others for their own people and the coordinator. */
export async function findVisibleParty(em: EntityManager, viewer: Viewer | null, partyId: string | null) {
  const party = partyId ? await em.findOne(Party, partyId) : null;
  if (!party) return null;
  const facts = await partyFacts(em, viewer, party);
  return facts.joined || partyPolicy.seeInternals(viewer, facts) ? party : null;
}

/** A party locked for the rest of the transaction: decisions about it (accession, nominations) take turns. */
export async function lockedParty(
  tx: EntityManager,
  partyId: string | null,
  field = 'partyId',
): Promise<Party> {
  const party = partyId ? await tx.findOne(Party, partyId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!party) throw userError(field, 'Parten finns inte.', UserErrorCode.NOT_FOUND);
  return party;
}
