import { describe, expect, test } from 'vitest';
import { InvitationStatus, ParticipantStatus } from './invitations.js';
import {
  PARTICIPANT_CANCELLABLE_STATUSES,
  arrivalStatuses,
  isCapacityBelowSeatsTaken,
  isRegistrationOpen,
  seatsGiven,
  seatsLeft,
} from './occasion-seats.js';

const R = ParticipantStatus.REGISTERED;
const W = ParticipantStatus.WAITING;

describe('occasion seats', () => {
  test('seats left: none for no limit, never below zero', () => {
    expect(seatsLeft(null, 40)).toBeNull();
    expect(seatsLeft(10, 4)).toBe(6);
    expect(seatsLeft(10, 12)).toBe(0);
  });

  test('a registration takes the seats left in order, the rest wait', () => {
    expect(arrivalStatuses(10, 8, 3)).toEqual([R, R, W]);
    expect(arrivalStatuses(10, 10, 2)).toEqual([W, W]);
    expect(arrivalStatuses(null, 500, 2)).toEqual([R, R]);
    expect(seatsGiven(5, 5, 1)).toBe(0);
    expect(seatsGiven(8, 5, 10)).toBe(3);
  });

  test('registration is open to the end of its last day in Stockholm', () => {
    // 23:30 in Stockholm (winter, UTC+1) on the last day: still open.
    expect(isRegistrationOpen('2026-12-10', new Date('2026-12-10T22:30:00Z'))).toBe(true);
    // 00:30 in Stockholm the day after: closed, though it is still the 10th in UTC.
    expect(isRegistrationOpen('2026-12-10', new Date('2026-12-10T23:30:00Z'))).toBe(false);
  });

  test('participants are cancelled only before the occasion is held', () => {
    expect(PARTICIPANT_CANCELLABLE_STATUSES).toContain(InvitationStatus.REGISTRATION_CLOSED);
    expect(PARTICIPANT_CANCELLABLE_STATUSES).not.toContain(InvitationStatus.HELD);
  });

  test('a capacity may not fall below the seats taken', () => {
    expect(isCapacityBelowSeatsTaken(4, 5)).toBe(true);
    expect(isCapacityBelowSeatsTaken(5, 5)).toBe(false);
    expect(isCapacityBelowSeatsTaken(null, 5)).toBe(false);
  });
});
