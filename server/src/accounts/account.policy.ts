import type { Viewer } from '../graphql/context.js';
import { partyPolicy, type PartyAccessFacts } from '../parties/party.policy.js';

/** Who may use each account mutation, one line per rule. */
export const accountPolicy = {
  /** Anyone, signed in or not (the token or the password is the proof). */
  anyone: (): boolean => true,
  /** A signed-in person, acting on their own account. */
  signedIn: (viewer: Viewer | null): boolean => !!viewer,
  /** An active contact of the party (not an excluded one): invites people, decides requests to join. */
  partyContact: (viewer: Viewer | null, party: PartyAccessFacts): boolean =>
    partyPolicy.actFor(viewer, party),
};

/** Which rule guards each account mutation; the authorization matrix test is generated from this table. */
export const ACCOUNT_MUTATION_RULES = {
  signIn: 'anyone',
  signOut: 'signedIn',
  register: 'anyone',
  requestPasswordReset: 'anyone',
  resetPassword: 'anyone',
  invitePartyMember: 'partyContact',
  acceptInvitation: 'anyone',
  decideMembershipRequest: 'partyContact',
  endSession: 'signedIn',
  deleteMyAccount: 'signedIn',
} as const satisfies Record<string, keyof typeof accountPolicy>;
