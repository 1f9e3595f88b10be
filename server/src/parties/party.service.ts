import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  MembershipRole,
  MembershipStatus,
  PartyKind,
  UserErrorCode,
  organisationNumberIsUnique,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { userError } from '../graphql/user-error.js';
import { COORDINATOR_QUEUE_TOPIC, partyTopic, publishLiveEvent } from '../live/publish.js';
import { Person } from '../accounts/person.entity.js';
import { Party } from './party.entity.js';
import { Membership } from './membership.entity.js';
import { CNatetRepresentative } from './cnatet-representative.entity.js';
import { cleanPartyDetails, type PartyDetails } from './party-input.js';
import { partyFacts } from './party-facts.js';
import { partyPolicy } from './party.policy.js';

function duplicateOrganisationNumber(path: string[]) {
  return userError(
    [...path.slice(1), 'organisationNumber'].join('.'),
    'Det finns redan en part med det organisationsnumret.',
    UserErrorCode.DUPLICATE,
  );
}

/** Another party already identified by this organisationsnummer (municipal organs share the municipality's). */
async function organisationNumberTaken(
  tx: EntityManager,
  details: { kind: PartyKind; organisationNumber: string | null },
  exceptId?: string,
): Promise<boolean> {
  if (!details.organisationNumber || !organisationNumberIsUnique(details.kind)) return false;
  const uniqueKinds = Object.values(PartyKind).filter(organisationNumberIsUnique);
  return (
    (await tx.count(Party, {
      organisationNumber: details.organisationNumber,
      kind: { $in: uniqueKinds },
      ...(exceptId ? { id: { $ne: exceptId } } : {}),
    })) > 0
  );
}

/** Flushes, turning a clash on the unique organisationsnummer into a field error. */
async function flushParty(em: EntityManager, path: string[]) {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw duplicateOrganisationNumber(path);
    throw error;
  }
}

/**
 * Creates a party with the person as its contact. Networks (no organisationsnummer) wait for the
 * coordinator's confirmation, so the coordinator's queue hears of them. Used by createParty and register.
 */
export async function createParty(
  em: EntityManager,
  person: { id: string },
  input: PartyDetails,
  path: string[] = ['input'],
): Promise<Party> {
  const details = cleanPartyDetails(input, path);
  return em.transactional(async (tx) => {
    if (await organisationNumberTaken(tx, details)) {
      throw duplicateOrganisationNumber(path);
    }
    const party = tx.create(Party, details);
    tx.create(Membership, {
      person: tx.getReference(Person, person.id),
      party,
      role: MembershipRole.CONTACT,
      status: MembershipStatus.ACTIVE,
    });
    await flushParty(tx, path);
    if (party.kind === PartyKind.NETWORK) {
      await publishLiveEvent(tx, {
        topic: COORDINATOR_QUEUE_TOPIC,
        kind: 'NETWORK_REGISTERED',
        subjectId: party.id,
      });
    }
    return party;
  });
}

export function createPartyAsViewer(em: EntityManager, viewer: Viewer | null, input: PartyDetails) {
  if (!viewer) throw unauthenticated();
  return createParty(em, viewer, input);
}

/** A contact edits the party's profile. The kind stays: a party does not change what it is. */
export async function updateParty(
  em: EntityManager,
  viewer: Viewer | null,
  partyId: string | null,
  input: Omit<PartyDetails, 'kind'>,
): Promise<Party> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const party = partyId ? await tx.findOne(Party, partyId) : null;
    if (!party) throw userError('partyId', 'Parten finns inte.', UserErrorCode.NOT_FOUND);
    if (!partyPolicy.actFor(viewer, await partyFacts(tx, viewer, party))) throw forbidden();
    const details = cleanPartyDetails({ ...input, kind: party.kind });
    if (await organisationNumberTaken(tx, details, party.id)) {
      throw duplicateOrganisationNumber(['input']);
    }
    tx.assign(party, details);
    await flushParty(tx, ['input']);
    await publishLiveEvent(tx, { topic: partyTopic(party.id), kind: 'PARTY_UPDATED', subjectId: party.id });
    return party;
  });
}

/** Asks to join an existing party; one of its contacts decides. */
export async function requestMembership(
  em: EntityManager,
  person: { id: string },
  partyId: string | null,
  path: string[] = ['input'],
): Promise<Party> {
  return em.transactional(async (tx) => {
    const party = partyId ? await tx.findOne(Party, partyId) : null;
    const field = [...path.slice(1), 'partyId'].join('.');
    if (!party) throw userError(field, 'Parten finns inte.', UserErrorCode.NOT_FOUND);
    if (await tx.count(Membership, { person: person.id, party: party.id })) {
      throw userError(
        field,
        'Du är redan med i parten eller har redan bett om att få gå med.',
        UserErrorCode.DUPLICATE,
      );
    }
    tx.create(Membership, {
      person: tx.getReference(Person, person.id),
      party,
      role: MembershipRole.MEMBER,
      status: MembershipStatus.REQUESTED,
    });
    await tx.flush();
    await publishLiveEvent(tx, {
      topic: partyTopic(party.id),
      kind: 'MEMBERSHIP_REQUESTED',
      subjectId: party.id,
    });
    return party;
  });
}

export function requestMembershipAsViewer(em: EntityManager, viewer: Viewer | null, partyId: string | null) {
  if (!viewer) throw unauthenticated();
  return requestMembership(em, viewer, partyId);
}

/** The coordinator confirms a network, which has no organisationsnummer to vouch for it. */
export async function confirmNetwork(
  em: EntityManager,
  viewer: Viewer | null,
  partyId: string | null,
): Promise<Party> {
  if (!viewer) throw unauthenticated();
  if (!partyPolicy.coordinator(viewer)) throw forbidden();
  return em.transactional(async (tx) => {
    const party = partyId ? await tx.findOne(Party, partyId) : null;
    if (!party) throw userError('partyId', 'Parten finns inte.', UserErrorCode.NOT_FOUND);
    if (party.kind !== PartyKind.NETWORK || party.networkConfirmedAt) {
      throw userError(
        'partyId',
        'Bara ett obekräftat nätverk kan bekräftas.',
        UserErrorCode.INVALID_TRANSITION,
      );
    }
    party.networkConfirmedAt = new Date();
    await tx.flush();
    await publishLiveEvent(tx, {
      topic: partyTopic(party.id),
      kind: 'NETWORK_CONFIRMED',
      subjectId: party.id,
    });
    await publishLiveEvent(tx, {
      topic: COORDINATOR_QUEUE_TOPIC,
      kind: 'NETWORK_CONFIRMED',
      subjectId: party.id,
    });
    return party;
  });
}

/** The coordinator appoints a department's representative in C-nätet; a new one replaces the old. */
export async function appointCNatetRepresentative(
  em: EntityManager,
  viewer: Viewer | null,
  input: { departmentId: string | null; personEmail: string },
): Promise<Party> {
  if (!viewer) throw unauthenticated();
  if (!partyPolicy.coordinator(viewer)) throw forbidden();
  return em.transactional(async (tx) => {
    const department = input.departmentId ? await tx.findOne(Party, input.departmentId) : null;
    if (!department) throw userError('departmentId', 'Förvaltningen finns inte.', UserErrorCode.NOT_FOUND);
    if (department.kind !== PartyKind.MUNICIPAL_DEPARTMENT) {
      throw userError('departmentId', 'C-nätet har en representant per förvaltning.', UserErrorCode.INVALID);
    }
    const person = await tx.findOne(Person, { email: input.personEmail.trim().toLowerCase() });
    if (!person)
      throw userError('personEmail', 'Ingen har ett konto med den e-postadressen.', UserErrorCode.NOT_FOUND);
    await tx.nativeDelete(CNatetRepresentative, { department: department.id });
    tx.create(CNatetRepresentative, { department, person });
    await tx.flush();
    return department;
  });
}
