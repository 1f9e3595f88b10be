import { MembershipRole, PartySector } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';

/** What the policy needs to know of a party and the viewer's place in it. */
export interface PartyAccessFacts {
  /** The viewer's active role in the party, if any. */
  role: MembershipRole | null;
  /** The party has joined the agreement (its latest accession is approved). */
  joined: boolean;
  /** The party was excluded and may no longer act as a party. */
  excluded: boolean;
  sector: PartySector;
}

const contact = (viewer: Viewer | null, party: PartyAccessFacts) =>
  !!viewer && party.role === MembershipRole.CONTACT;

/** Who may do what with a party, one line per rule. */
export const partyPolicy = {
  coordinator: (viewer: Viewer | null): boolean => !!viewer?.isCoordinator,
  /** See members, accession history and cases: the party's own people and the coordinator. */
  seeInternals: (viewer: Viewer | null, party: PartyAccessFacts): boolean =>
    !!viewer && (viewer.isCoordinator || party.role !== null),
  /** Act for the party: its contacts, unless it was excluded. */
  actFor: (viewer: Viewer | null, party: PartyAccessFacts): boolean =>
    contact(viewer, party) && !party.excluded,
  /** Answer an exclusion case: its contacts, while the case is open. */
  respondFor: (viewer: Viewer | null, party: PartyAccessFacts): boolean => contact(viewer, party),
  /** Nominate council members: contacts of a joined civil-society party. */
  nominateFor: (viewer: Viewer | null, party: PartyAccessFacts): boolean =>
    contact(viewer, party) && party.joined && party.sector === PartySector.CIVIL_SOCIETY,
};

/** A rule name of the party policy, or any signed-in person. */
export type PartyRule = 'signedIn' | keyof typeof partyPolicy;

/** Which rule guards each party mutation; the authorization matrix test is generated from it. */
export const PARTY_MUTATION_RULES = {
  createParty: 'signedIn',
  requestMembership: 'signedIn',
  updateParty: 'actFor',
  confirmNetwork: 'coordinator',
  appointCNatetRepresentative: 'coordinator',
} as const satisfies Record<string, PartyRule>;
