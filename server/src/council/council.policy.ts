import type { PartyRule } from '../parties/party.policy.js';

/** Which rule of the party policy guards each council mutation. */
export const COUNCIL_MUTATION_RULES = {
  nominateCouncilMember: 'nominateFor',
  assignCouncilSeat: 'coordinator',
  vacateCouncilSeat: 'coordinator',
  removeCNatetRepresentative: 'coordinator',
} as const satisfies Record<string, PartyRule>;
