import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  INVITATION_LIMITS,
  InvitationAction,
  NotificationKind,
  PARTICIPANT_CANCELLABLE_STATUSES,
  PARTICIPANT_LIMITS,
  ParticipantStatus,
  UserErrorCode,
  arrivalStatuses,
  isCapacityBelowSeatsTaken,
  isRegistrationOpen,
  normaliseText,
  seatsLeft,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { InputProblems, userError } from '../graphql/user-error.js';
import type { Outbox } from '../outbox/outbox.js';
import { Person } from '../accounts/person.entity.js';
import { Party } from '../parties/party.entity.js';
import { InvitationOccasion } from './invitation-occasion.entity.js';
import { OccasionParticipant } from './occasion-participant.entity.js';
import { invitationPolicy } from './invitation-access.js';
import { inOccasionTurn } from './occasion-turns.js';
import { recordInvitationStep } from './invitation-steps.js';
import { checkStep, lockInvitation, type LockedInvitation } from './invitation-answering.js';

/** What the answer services need besides the input: the outbox, and (in tests) the time. */
export interface AnswerContext {
  outbox?: Outbox;
  now?: Date;
}

export interface RegisterForOccasionInput {
  occasionId: string | null;
  partyId: string | null;
  participants: readonly { name: string; needs?: string | null }[];
}

/** A registration's outcome: the occasion, and the participants just registered with their places. */
export interface Registration {
  occasion: InvitationOccasion;
  participantIds: string[];
}

/** Who may cancel a participant: a member of the participant's party, or of the inviting party. */
export const occasionAnswerPolicy = {
  cancelParticipant: (locked: LockedInvitation, participantPartyId: string): boolean =>
    locked.facts.parties.has(participantPartyId) || invitationPolicy.seeAnswers(locked.facts, locked.of),
};

const OCCASION_MISSING = 'Tillfället finns inte.';

/** The occasion's invitation locked first, then the occasion itself: the order every answer takes them in. */
async function lockOccasion(tx: EntityManager, viewer: Viewer, occasionId: string | null) {
  const found = occasionId ? await tx.findOne(InvitationOccasion, occasionId) : null;
  const locked = await lockInvitation(
    tx,
    viewer,
    found?.invitation.id ?? null,
    'occasionId',
    OCCASION_MISSING,
  );
  const occasion = await tx.findOneOrFail(InvitationOccasion, found!.id, {
    lockMode: LockMode.PESSIMISTIC_WRITE,
    refresh: true,
  });
  return { locked, occasion };
}

/** Seats taken and the next arrival number, read under the occasion's lock. */
async function seatsOf(tx: EntityManager, occasionId: string) {
  const [row] = await tx.getConnection().execute<{ taken: number; last: number }[]>(
    `select count(*) filter (where status = ?)::int as taken, coalesce(max(sequence), 0)::int as last
         from occasion_participant where occasion_id = ?`,
    [ParticipantStatus.REGISTERED, occasionId],
    'all',
    tx.getTransactionContext(),
  );
  return { taken: row!.taken, last: row!.last };
}

/**
 * Gives freed seats to the waiting list, first come first seated, under the occasion's lock: returns the ids of
 * those moved up, so the step tells their parties (INVITATION_SEAT_OFFERED).
 */
async function moveWaitingListUp(
  tx: EntityManager,
  occasion: InvitationOccasion,
  now: Date,
): Promise<string[]> {
  const { taken } = await seatsOf(tx, occasion.id);
  const free = seatsLeft(occasion.capacity, taken);
  if (free === 0) return [];
  const waiting = await tx.find(
    OccasionParticipant,
    { occasion: occasion.id, status: ParticipantStatus.WAITING },
    { orderBy: { sequence: 'asc' }, ...(free === null ? {} : { limit: free }) },
  );
  for (const participant of waiting) {
    participant.status = ParticipantStatus.REGISTERED;
    participant.seatedAt = now;
  }
  await tx.flush();
  return waiting.map((participant) => participant.id);
}

/**
 * A member of an invited party registers participants for an occasion while the invitation is open and until the
 * end of the occasion's last registration day (Stockholm). Under the occasion's lock they take the seats left in
 * the order named, the rest go on the waiting list, each with the next arrival number.
 */
export async function registerForOccasion(
  em: EntityManager,
  viewer: Viewer | null,
  input: RegisterForOccasionInput,
  context: AnswerContext = {},
): Promise<Registration> {
  if (!viewer) throw unauthenticated();
  const now = context.now ?? new Date();
  return inOccasionTurn(input.occasionId ?? '', () =>
    em.transactional(async (tx) => {
      const { locked, occasion } = await lockOccasion(tx, viewer, input.occasionId);
      checkStep(locked, InvitationAction.REGISTER, 'Det går inte att anmäla sig till inbjudan nu.');
      const problems = new InputProblems();
      if (!isRegistrationOpen(occasion.registrationClosesOn, now)) {
        problems.add('occasionId', 'Sista dag för anmälan har passerat.', UserErrorCode.INVALID_TRANSITION);
      }
      const invited = invitationPolicy.invitedParties(locked.facts, locked.of);
      if (!input.partyId || !invited.some((party) => party.id === input.partyId)) {
        problems.add('partyId', 'Inbjudan gäller inte den parten.', UserErrorCode.INVALID);
      }
      const participants = checkParticipants(problems, input.participants);
      problems.throwIfAny();

      const { taken, last } = await seatsOf(tx, occasion.id);
      const statuses = arrivalStatuses(occasion.capacity, taken, participants.length);
      const created = participants.map((participant, index) =>
        tx.create(OccasionParticipant, {
          occasion,
          party: tx.getReference(Party, input.partyId!),
          name: participant.name,
          needs: participant.needs,
          status: statuses[index]!,
          sequence: last + index + 1,
          registeredBy: tx.getReference(Person, viewer.id),
          registeredAt: now,
          seatedAt: statuses[index] === ParticipantStatus.REGISTERED ? now : null,
        }),
      );
      await tx.flush();
      await recordInvitationStep(tx, context.outbox, {
        invitation: locked.invitation,
        action: InvitationAction.REGISTER,
        actorId: viewer.id,
        partyId: input.partyId,
      });
      return { occasion, participantIds: created.map((participant) => participant.id) };
    }),
  );
}

function checkParticipants(problems: InputProblems, rows: RegisterForOccasionInput['participants']) {
  const max = INVITATION_LIMITS.participantsPerRegistration;
  if (rows.length === 0) {
    problems.add('participants', 'Anmäl minst en deltagare.', UserErrorCode.REQUIRED);
    return [];
  }
  if (rows.length > max) {
    problems.tooLong('participants', max, `Högst ${max} deltagare per anmälan.`);
    return [];
  }
  return rows.map((row, index) => {
    const name = normaliseText(row.name);
    const needs = normaliseText(row.needs);
    if (!name) problems.add(`participants.${index}.name`, 'Skriv deltagarens namn.', UserErrorCode.REQUIRED);
    else if (name.length > PARTICIPANT_LIMITS.name)
      problems.tooLong(`participants.${index}.name`, PARTICIPANT_LIMITS.name);
    if (needs && needs.length > PARTICIPANT_LIMITS.needs)
      problems.tooLong(`participants.${index}.needs`, PARTICIPANT_LIMITS.needs);
    return { name: name ?? '', needs };
  });
}

/**
 * A member of the participant's party, or of the inviting party, cancels a participant before the occasion is
 * held. A freed seat goes to the first on the waiting list, once: the cancellation and the move happen under
 * the occasion's lock, and the party moved up is told.
 */
export async function cancelOccasionParticipant(
  em: EntityManager,
  viewer: Viewer | null,
  input: { participantId: string | null },
  context: AnswerContext = {},
): Promise<InvitationOccasion> {
  if (!viewer) throw unauthenticated();
  const now = context.now ?? new Date();
  const missing = () => userError('participantId', 'Deltagaren finns inte.', UserErrorCode.NOT_FOUND);
  const occasionOf = input.participantId
    ? await em.fork().findOne(OccasionParticipant, input.participantId, { fields: ['occasion'] })
    : null;
  if (!occasionOf) throw missing();
  return inOccasionTurn(occasionOf.occasion.id, () =>
    em.transactional(async (tx) => {
      const found = await tx.findOne(OccasionParticipant, input.participantId!, { populate: ['occasion'] });
      if (!found) throw missing();
      const { locked, occasion } = await lockOccasion(tx, viewer, found.occasion.id);
      const partyId = found.party.id;
      if (!occasionAnswerPolicy.cancelParticipant(locked, partyId)) throw forbidden();
      const participant = await tx.findOneOrFail(OccasionParticipant, found.id, { refresh: true });
      if (participant.status === ParticipantStatus.CANCELLED) {
        throw userError('participantId', 'Deltagaren är redan avanmäld.', UserErrorCode.INVALID_TRANSITION);
      }
      if (!PARTICIPANT_CANCELLABLE_STATUSES.includes(locked.invitation.status) || occasion.startsAt <= now) {
        throw userError('', 'Det går inte att avanmäla sig längre.', UserErrorCode.INVALID_TRANSITION);
      }
      const hadSeat = participant.status === ParticipantStatus.REGISTERED;
      participant.status = ParticipantStatus.CANCELLED;
      participant.cancelledAt = now;
      await tx.flush();
      const seated = hadSeat ? await moveWaitingListUp(tx, occasion, now) : [];
      await recordInvitationStep(tx, context.outbox, {
        invitation: locked.invitation,
        action: InvitationAction.REGISTER,
        actorId: viewer.id,
        partyId,
        ...(seated.length
          ? { notify: NotificationKind.INVITATION_SEAT_OFFERED, seatedParticipantIds: seated }
          : {}),
      });
      return occasion;
    }),
  );
}

/**
 * The inviting party changes an occasion's seats (null: no limit). Never below the seats taken: those people were
 * told they have a seat. Raising it moves the waiting list up in order, and those moved up are told.
 */
export async function changeOccasionCapacity(
  em: EntityManager,
  viewer: Viewer | null,
  input: { occasionId: string | null; capacity: number | null },
  context: AnswerContext = {},
): Promise<InvitationOccasion> {
  if (!viewer) throw unauthenticated();
  const now = context.now ?? new Date();
  return inOccasionTurn(input.occasionId ?? '', () =>
    em.transactional(async (tx) => {
      const { locked, occasion } = await lockOccasion(tx, viewer, input.occasionId);
      checkStep(locked, InvitationAction.MANAGE_OCCASIONS, 'Tillfällets platser går inte att ändra nu.');
      const { capacity } = input;
      if (capacity !== null && (capacity < 1 || capacity > INVITATION_LIMITS.capacity)) {
        throw userError(
          'capacity',
          `Ange ett antal platser mellan 1 och ${INVITATION_LIMITS.capacity}, eller inget tak.`,
          UserErrorCode.INVALID,
        );
      }
      const { taken } = await seatsOf(tx, occasion.id);
      if (isCapacityBelowSeatsTaken(capacity, taken)) {
        throw userError(
          'capacity',
          `${taken} deltagare har redan plats; avanmäl någon först om platserna ska bli färre.`,
          UserErrorCode.INVALID,
        );
      }
      occasion.capacity = capacity;
      await tx.flush();
      const seated = await moveWaitingListUp(tx, occasion, now);
      await recordInvitationStep(tx, context.outbox, {
        invitation: locked.invitation,
        action: InvitationAction.MANAGE_OCCASIONS,
        actorId: viewer.id,
        ...(seated.length
          ? { notify: NotificationKind.INVITATION_SEAT_OFFERED, seatedParticipantIds: seated }
          : {}),
      });
      return occasion;
    }),
  );
}
