import { InvitationStatus, ParticipantStatus } from './invitations.js';
import { stockholmDate } from './submission-drafts.js';

/**
 * Seats on a dialogue occasion: a registration takes the seats left in the order it names its participants and
 * puts the rest on the waiting list; a freed seat goes to the first waiting. The server applies these under the
 * occasion's row lock, so many parties taking the last seats at once never overfill it.
 */

/** A participant's name as a party gives it, and their needs, at most this long. */
export const PARTICIPANT_LIMITS = { name: 200, needs: 1_000 } as const;

/** The seats left on an occasion: null when it has no limit, never below zero. */
export function seatsLeft(capacity: number | null | undefined, seatsTaken: number): number | null {
  return capacity === null || capacity === undefined ? null : Math.max(0, capacity - seatsTaken);
}

/** How many of `count` newcomers (a registration, or the waiting list) get a seat now; the rest wait. */
export function seatsGiven(capacity: number | null | undefined, seatsTaken: number, count: number): number {
  const left = seatsLeft(capacity, seatsTaken);
  return left === null ? count : Math.min(left, count);
}

/** The statuses of newcomers in arrival order: seats first, then the waiting list. */
export function arrivalStatuses(
  capacity: number | null | undefined,
  seatsTaken: number,
  count: number,
): ParticipantStatus[] {
  const seated = seatsGiven(capacity, seatsTaken, count);
  return Array.from({ length: count }, (_, index) =>
    index < seated ? ParticipantStatus.REGISTERED : ParticipantStatus.WAITING,
  );
}

/** Registration is open until the end of its last day in Stockholm. */
export function isRegistrationOpen(registrationClosesOn: string, now: Date): boolean {
  return stockholmDate(now) <= registrationClosesOn;
}

/** While participants may still be cancelled (a seat freed moves the waiting list up): until it is held. */
export const PARTICIPANT_CANCELLABLE_STATUSES: readonly InvitationStatus[] = [
  InvitationStatus.PUBLISHED,
  InvitationStatus.REGISTRATION_CLOSED,
];

/** A capacity below the seats already taken would turn people away who were told they have a seat. */
export function isCapacityBelowSeatsTaken(capacity: number | null, seatsTaken: number): boolean {
  return capacity !== null && capacity < seatsTaken;
}
