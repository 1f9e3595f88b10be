import { describe, expect, test } from 'vitest';
import {
  INVITATION_TRANSITIONS,
  InvitationAction,
  InvitationAudience,
  InvitationKind,
  InvitationRole,
  InvitationStatus,
  allowedInvitationActions,
  canTakeInvitationAction,
  isInvited,
} from './invitations.js';
import { PartyKind } from './parties.js';

const association = { id: 'a', kind: PartyKind.NON_PROFIT_ASSOCIATION, areasOfInterest: ['idrott'] };

describe('the invitation workflow', () => {
  test('runs draft → published → registration closed → held → feedback → closed for a dialogue', () => {
    const path: [InvitationAction, InvitationStatus][] = [
      [InvitationAction.PUBLISH, InvitationStatus.PUBLISHED],
      [InvitationAction.CLOSE_REGISTRATION, InvitationStatus.REGISTRATION_CLOSED],
      [InvitationAction.MARK_HELD, InvitationStatus.HELD],
      [InvitationAction.PUBLISH_FEEDBACK, InvitationStatus.FEEDBACK_PUBLISHED],
      [InvitationAction.CLOSE, InvitationStatus.CLOSED],
    ];
    let status = InvitationStatus.DRAFT;
    for (const [action, to] of path) {
      expect(canTakeInvitationAction(InvitationKind.DIALOGUE, status, action, [InvitationRole.INVITER])).toBe(
        true,
      );
      expect(INVITATION_TRANSITIONS[action].to).toBe(to);
      status = to;
    }
  });

  test('a consultation’s deadline is passed by the clock only, and only consultations are compiled', () => {
    const published = InvitationStatus.PUBLISHED;
    const consultation = InvitationKind.CONSULTATION;
    expect(
      canTakeInvitationAction(consultation, published, InvitationAction.PASS_DEADLINE, [
        InvitationRole.INVITER,
      ]),
    ).toBe(false);
    expect(
      canTakeInvitationAction(consultation, published, InvitationAction.PASS_DEADLINE, [
        InvitationRole.CLOCK,
      ]),
    ).toBe(true);
    expect(
      canTakeInvitationAction(InvitationKind.DIALOGUE, InvitationStatus.HELD, InvitationAction.COMPILE, [
        InvitationRole.INVITER,
      ]),
    ).toBe(false);
  });

  test('invitees answer only an open invitation, and the inviter never answers its own', () => {
    expect(
      allowedInvitationActions(InvitationKind.DIALOGUE, InvitationStatus.PUBLISHED, [InvitationRole.INVITEE]),
    ).toEqual([InvitationAction.REGISTER, InvitationAction.REPLY]);
    expect(
      allowedInvitationActions(InvitationKind.DIALOGUE, InvitationStatus.CANCELLED, [InvitationRole.INVITEE]),
    ).toEqual([]);
    expect(
      allowedInvitationActions(InvitationKind.CONSULTATION, InvitationStatus.PUBLISHED, [
        InvitationRole.INVITER,
      ]),
    ).not.toContain(InvitationAction.RESPOND);
  });
});

describe('who an invitation is for', () => {
  const reach = { partyKinds: [], areas: [], namedPartyIds: [] };
  test('by audience', () => {
    expect(isInvited({ ...reach, audience: InvitationAudience.ALL_PARTIES }, association)).toBe(true);
    expect(
      isInvited(
        { ...reach, audience: InvitationAudience.PARTY_KINDS, partyKinds: [PartyKind.FOUNDATION] },
        association,
      ),
    ).toBe(false);
    expect(
      isInvited(
        { ...reach, audience: InvitationAudience.AREAS_OF_INTEREST, areas: ['idrott', 'kultur'] },
        association,
      ),
    ).toBe(true);
    expect(
      isInvited({ ...reach, audience: InvitationAudience.NAMED_PARTIES, namedPartyIds: ['b'] }, association),
    ).toBe(false);
  });
});
