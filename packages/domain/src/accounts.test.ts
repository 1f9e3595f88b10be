import { describe, expect, test } from 'vitest';
import { MembershipAction, canTakeMembershipAction, retryAfterText } from './accounts.js';
import { MembershipStatus } from './parties.js';

describe('membership requests', () => {
  test.each([
    [MembershipStatus.REQUESTED, MembershipAction.APPROVE, true],
    [MembershipStatus.REQUESTED, MembershipAction.DECLINE, true],
    [MembershipStatus.ACTIVE, MembershipAction.APPROVE, false],
    [MembershipStatus.ACTIVE, MembershipAction.DECLINE, false],
    [MembershipStatus.DECLINED, MembershipAction.APPROVE, false],
    [MembershipStatus.DECLINED, MembershipAction.DECLINE, false],
  ])('%s, %s: %s', (status, action, allowed) => {
    expect(canTakeMembershipAction(status, action)).toBe(allowed);
  });
});

test('the wait is said in whole minutes', () => {
  expect(retryAfterText(12)).toBe('Försök igen om 12 minuter.');
  expect(retryAfterText(1)).toBe('Försök igen om 1 minut.');
});
