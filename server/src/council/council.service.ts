import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { COUNCIL_SEAT_LIMITS, SeatKind, TEXT_LIMITS, UserErrorCode, normaliseText } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { InputProblems, tooLongError, userError } from '../graphql/user-error.js';
import { COORDINATOR_QUEUE_TOPIC, publishLiveEvent } from '../live/publish.js';
import { Person } from '../accounts/person.entity.js';
import { Forum } from '../forums/forum.entity.js';
import { lockedParty, partyFacts } from '../parties/party-facts.js';
import { partyPolicy } from '../parties/party.policy.js';
import { CouncilSeat } from './council-seat.entity.js';
import { Nomination } from './nomination.entity.js';

/** A contact of a joined civil-society party nominates a representative for Samverkansrådet. */
export async function nominateCouncilMember(
  em: EntityManager,
  viewer: Viewer | null,
  input: { partyId: string | null; nomineeName: string; motivation: string },
) {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const party = await lockedParty(tx, input.partyId);
    if (!partyPolicy.nominateFor(viewer, await partyFacts(tx, viewer, party))) throw forbidden();
    const problems = new InputProblems();
    const nomineeName = normaliseText(input.nomineeName);
    const motivation = normaliseText(input.motivation);
    if (!nomineeName) problems.add('nomineeName', 'Ange vem ni nominerar.', UserErrorCode.REQUIRED);
    else if (nomineeName.length > TEXT_LIMITS.name) problems.tooLong('nomineeName', TEXT_LIMITS.name);
    if (!motivation) problems.add('motivation', 'Motivera nomineringen.', UserErrorCode.REQUIRED);
    else if (motivation.length > TEXT_LIMITS.motivation)
      problems.tooLong('motivation', TEXT_LIMITS.motivation);
    problems.throwIfAny();
    const nomination = tx.create(Nomination, {
      party,
      nomineeName: nomineeName!,
      motivation: motivation!,
      nominatedBy: tx.getReference(Person, viewer.id),
    });
    await tx.flush();
    await publishLiveEvent(tx, {
      topic: COORDINATOR_QUEUE_TOPIC,
      kind: 'NOMINATION_MADE',
      subjectId: party.id,
    });
    return nomination;
  });
}

/**
 * The coordinator gives someone a seat in Samverkansrådet: at most 10 civil-society members, 3 politicians
 * and 1 coordinating official hold seats at a time. The holder is named, and may be linked to an account
 * (then they are a member of the council and the name defaults to the account's).
 */
export async function assignCouncilSeat(
  em: EntityManager,
  viewer: Viewer | null,
  input: {
    kind: SeatKind;
    personEmail?: string | null;
    holderName?: string | null;
    organisation?: string | null;
  },
) {
  if (!viewer) throw unauthenticated();
  if (!partyPolicy.coordinator(viewer)) throw forbidden();
  return em.transactional(async (tx) => {
    const council = await tx.findOneOrFail(
      Forum,
      { slug: 'samverkansradet' },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const email = input.personEmail?.trim().toLowerCase();
    const person = email ? await tx.findOne(Person, { email }) : null;
    if (email && !person)
      throw userError('personEmail', 'Ingen har ett konto med den e-postadressen.', UserErrorCode.NOT_FOUND);
    const holderName = normaliseText(input.holderName) ?? person?.name;
    if (!holderName) throw userError('holderName', 'Ange vem som får platsen.', UserErrorCode.REQUIRED);
    if (holderName.length > TEXT_LIMITS.name) throw tooLongError('holderName', TEXT_LIMITS.name);
    const active = await tx.count(CouncilSeat, { forum: council.id, kind: input.kind, endedAt: null });
    if (active >= COUNCIL_SEAT_LIMITS[input.kind]) {
      throw userError(
        'kind',
        `Alla ${COUNCIL_SEAT_LIMITS[input.kind]} platser av det slaget är tillsatta. Avsluta en plats först.`,
        UserErrorCode.LIMIT_REACHED,
      );
    }
    if (person && (await tx.count(CouncilSeat, { forum: council.id, person: person.id, endedAt: null }))) {
      throw userError('personEmail', 'Personen har redan en plats i rådet.', UserErrorCode.DUPLICATE);
    }
    const organisation = normaliseText(input.organisation);
    if (organisation && organisation.length > TEXT_LIMITS.organisation) {
      throw tooLongError('organisation', TEXT_LIMITS.organisation);
    }
    const [last] = await tx.find(
      CouncilSeat,
      { forum: council.id },
      { orderBy: { position: 'desc' }, limit: 1 },
    );
    const seat = tx.create(CouncilSeat, {
      forum: council,
      kind: input.kind,
      holderName,
      organisation,
      person,
      position: (last?.position ?? 0) + 1,
    });
    await tx.flush();
    return seat;
  });
}

/** The e-mail of a seat holder's account: for the coordinator only, who links seats to accounts. */
export async function holderEmail(viewer: Viewer | null, seat: CouncilSeat): Promise<string | null> {
  if (!partyPolicy.coordinator(viewer) || !seat.person) return null;
  return (await seat.person.load({ dataloader: true }))?.email ?? null;
}

/** The coordinator ends a seat (the holder leaves), freeing it for someone else. */
export async function vacateCouncilSeat(em: EntityManager, viewer: Viewer | null, seatId: string | null) {
  if (!viewer) throw unauthenticated();
  if (!partyPolicy.coordinator(viewer)) throw forbidden();
  return em.transactional(async (tx) => {
    const seat = seatId ? await tx.findOne(CouncilSeat, seatId) : null;
    if (!seat) throw userError('seatId', 'Platsen finns inte.', UserErrorCode.NOT_FOUND);
    if (seat.endedAt)
      throw userError('seatId', 'Platsen är redan avslutad.', UserErrorCode.INVALID_TRANSITION);
    seat.endedAt = new Date();
    await tx.flush();
    return seat;
  });
}

/** Coordinator: nominations for the civil-society seats, newest first. */
export function listNominations(
  em: EntityManager,
  viewer: Viewer | null,
  { limit, offset }: { limit: number; offset: number },
) {
  if (!viewer) throw unauthenticated();
  if (!partyPolicy.coordinator(viewer)) throw forbidden();
  return em.findAndCount(
    Nomination,
    {},
    { orderBy: { createdAt: 'desc' }, limit, offset, populate: ['party'] },
  );
}
