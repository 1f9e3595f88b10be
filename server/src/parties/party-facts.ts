import DataLoader from 'dataloader';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessionStatus, MembershipStatus, UserErrorCode, sectorOf } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { userError } from '../graphql/user-error.js';
import { Accession } from '../accession/accession.entity.js';
import { Membership } from './membership.entity.js';
import { Party } from './party.entity.js';
import { partyPolicy, type PartyAccessFacts } from './party.policy.js';

/**
 * What the party fields of a page need, per unit of work: every party asked for in the same turn of the
 * event loop is loaded in one statement, and asked again costs nothing, so a list of any length costs the
 * same statements.
 */
interface PartyLoaders {
  latestAccession: DataLoader<string, Accession | null>;
  /** Keyed `<personId>:<partyId>`: the person's active membership of the party. */
  membership: DataLoader<string, Membership | null>;
  facts: Map<string, Promise<PartyAccessFacts>>;
}

const loadersByUnitOfWork = new WeakMap<EntityManager, PartyLoaders>();

function loadersOf(em: EntityManager): PartyLoaders {
  let loaders = loadersByUnitOfWork.get(em);
  if (!loaders) {
    loaders = {
      latestAccession: new DataLoader(async (partyIds) => {
        const accessions = await em.find(
          Accession,
          { party: { $in: [...partyIds] } },
          { orderBy: { requestedAt: 'desc' } },
        );
        return partyIds.map((id) => accessions.find((accession) => accession.party.id === id) ?? null);
      }),
      membership: new DataLoader(async (keys) => {
        const pairs = keys.map((key) => key.split(':') as [string, string]);
        const memberships = await em.find(Membership, {
          status: MembershipStatus.ACTIVE,
          $or: [...new Set(pairs.map(([person]) => person))].map((person) => ({
            person,
            party: { $in: pairs.filter(([p]) => p === person).map(([, party]) => party) },
          })),
        });
        return pairs.map(
          ([person, party]) =>
            memberships.find((m) => m.person.id === person && m.party.id === party) ?? null,
        );
      }),
      facts: new Map(),
    };
    loadersByUnitOfWork.set(em, loaders);
  }
  return loaders;
}

/** The party's latest accession, if it ever asked to join. */
export function latestAccession(em: EntityManager, partyId: string): Promise<Accession | null> {
  return loadersOf(em).latestAccession.load(partyId);
}

/** Gathers what the party policy decides on. */
export function partyFacts(
  em: EntityManager,
  viewer: Viewer | null,
  party: Party,
): Promise<PartyAccessFacts> {
  const { facts } = loadersOf(em);
  const key = `${viewer?.id ?? ''}:${party.id}`;
  let known = facts.get(key);
  if (!known) {
    known = gatherPartyFacts(em, viewer, party);
    facts.set(key, known);
  }
  return known;
}

async function gatherPartyFacts(
  em: EntityManager,
  viewer: Viewer | null,
  party: Party,
): Promise<PartyAccessFacts> {
  const [membership, accession] = await Promise.all([
    viewer ? loadersOf(em).membership.load(`${viewer.id}:${party.id}`) : null,
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

/** A record of a party (accession, case, nomination) the viewer may see: its people and the coordinator's. */
export async function findVisiblePartyRecord<T extends { party: { id: string } }>(
  em: EntityManager,
  viewer: Viewer | null,
  record: T | null,
  isPublic: (record: T) => boolean = () => false,
): Promise<T | null> {
  if (!record) return null;
  if (isPublic(record)) return record;
  const party = await em.findOneOrFail(Party, record.party.id);
  return partyPolicy.seeInternals(viewer, await partyFacts(em, viewer, party)) ? record : null;
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
