import { MembershipStatus } from './parties.js';

/** What a party's contact can do with a request to join the party. */
export enum MembershipAction {
  APPROVE = 'APPROVE',
  DECLINE = 'DECLINE',
}

/** The membership request's status machine: only a request waiting for a contact can be decided. */
export const MEMBERSHIP_TRANSITIONS: Readonly<
  Record<MembershipAction, { from: readonly MembershipStatus[]; to: MembershipStatus }>
> = {
  [MembershipAction.APPROVE]: { from: [MembershipStatus.REQUESTED], to: MembershipStatus.ACTIVE },
  [MembershipAction.DECLINE]: { from: [MembershipStatus.REQUESTED], to: MembershipStatus.DECLINED },
};

export function canTakeMembershipAction(status: MembershipStatus, action: MembershipAction): boolean {
  return MEMBERSHIP_TRANSITIONS[action].from.includes(status);
}

/** How long a password-reset link works, in minutes. */
export const PASSWORD_RESET_VALID_MINUTES = 60;

/** How long an invitation into a party works, in days. */
export const INVITATION_VALID_DAYS = 14;

/** "Försök igen om 12 minuter." — the wait after a rate limit, rounded up to whole minutes. */
export function retryAfterText(minutes: number): string {
  return `Försök igen om ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}.`;
}
