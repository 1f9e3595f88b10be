import type { PartyRule } from '../parties/party.policy.js';

/** Which rule of the party policy guards each accession and exclusion mutation. */
export const ACCESSION_MUTATION_RULES = {
  requestAccession: 'actFor',
  withdrawAccession: 'actFor',
  respondToExclusionCase: 'respondFor',
  approveAccession: 'coordinator',
  rejectAccession: 'coordinator',
  openExclusionCase: 'coordinator',
  recordExclusionDecision: 'coordinator',
} as const satisfies Record<string, PartyRule>;
