import type { FeatureModule } from '../feature-module.js';
import { Party } from './party.entity.js';
import { Membership } from './membership.entity.js';
import { CNatetRepresentative } from './cnatet-representative.entity.js';
import { PartiesResolver, ViewerMembershipsResolver } from './parties.resolver.js';
import { PARTY_MUTATION_RULES } from './party.policy.js';

/** Parties, the people in them, the public register and C-nätet. */
export const partiesModule: FeatureModule = {
  name: 'parties',
  entities: [Party, Membership, CNatetRepresentative],
  resolvers: [PartiesResolver, ViewerMembershipsResolver],
  policies: [{ policy: 'party', rules: PARTY_MUTATION_RULES }],
  seed: async (em) => (await import('../seed/demo-parties.js')).seedDemoParties(em),
};
