import type { FeatureModule } from '../feature-module.js';
import { CouncilSeat } from './council-seat.entity.js';
import { Nomination } from './nomination.entity.js';
import { CouncilResolver, CouncilSeatResolver, NominationResolver } from './council.resolver.js';
import { CNatetResolver } from './cnatet.resolver.js';
import { COUNCIL_MUTATION_RULES } from './council.policy.js';
import { councilGdpr } from './council.gdpr.js';

/** Samverkansrådet's seats and the nominations for them, and C-nätet's representatives. */
export const councilModule: FeatureModule = {
  name: 'council',
  entities: [CouncilSeat, Nomination],
  resolvers: [CouncilResolver, NominationResolver, CouncilSeatResolver, CNatetResolver],
  gdpr: councilGdpr,
  policies: [{ policy: 'party', rules: COUNCIL_MUTATION_RULES }],
};
