import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { COUNCIL_SEAT_LIMITS, SeatKind, TEXT_LIMITS, UserErrorCode, normaliseText } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { InputProblems, userError } from '../graphql/user-error.js';
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
    else if (nomineeName.length > TEXT_LIMITS.name)
      problems.add('nomineeName', `Högst ${TEXT_LIMITS.name} tecken.`, UserErrorCode.TOO_LONG);
    if (!motivation) problems.add('motivation', 'Motivera nomineringen.', UserErrorCode.REQUIRED);
    else if (motivation.length > TEXT_LIMITS.motivation)
      problems.add('motivation', `Högst ${TEXT_LIMITS.motivation} tecken.`, UserErrorCode.TOO_LONG);
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
 * The coordinator gives a person a seat in Samverkansrådet: at most 10 civil-society members, 3 politicians
 * and 1 coordinating official hold seats at a time. Civil-society seats go to people of joined parties.
 */
export async function assignCouncilSeat(
  em: EntityManager,
  viewer: Viewer | null,
  input: { kind: SeatKind; personEmail: string; organisation?: string | null },
) {
  if (!viewer) throw unauthenticated();
  if (!partyPolicy.coordinator(viewer)) throw forbidden();
  return em.transactional(async (tx) => {
    const council = await tx.findOneOrFail(
      Forum,
      { slug: 'samverkansradet' },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const person = await tx.findOne(Person, { email: input.personEmail.trim().toLowerCase() });
    if (!person)
      throw userError('personEmail', 'Ingen har ett konto med den e-postadressen.', UserErrorCode.NOT_FOUND);
    const active = await tx.count(CouncilSeat, { forum: council.id, kind: input.kind, endedAt: null });
    if (active >= COUNCIL_SEAT_LIMITS[input.kind]) {
      throw userError(
        'kind',
        `Alla ${COUNCIL_SEAT_LIMITS[input.kind]} platser av det slaget är tillsatta. Avsluta en plats först.`,
        UserErrorCode.LIMIT_REACHED,
      );
    }
    if (await tx.count(CouncilSeat, { forum: council.id, person: person.id, endedAt: null })) {
      throw userError('personEmail', 'Personen har redan en plats i rådet.', UserErrorCode.DUPLICATE);
    }
    const organisation = normaliseText(input.organisation);
    if (organisation && organisation.length > TEXT_LIMITS.name) {
      throw userError('organisation', `Högst ${TEXT_LIMITS.name} tecken.`, UserErrorCode.TOO_LONG);
    }
    const [last] = await tx.find(
      CouncilSeat,
      { forum: council.id },
      { orderBy: { position: 'desc' }, limit: 1 },
    );
    const seat = tx.create(CouncilSeat, {
      forum: council,
      kind: input.kind,
      holderName: person.name,
      organisation,
      person,
      position: (last?.position ?? 0) + 1,
    });
    await tx.flush();
    return seat;
  });
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
