import type { FeatureModule } from '../feature-module.js';
import { Minutes, MinutesApproval, MinutesParagraph } from './minutes.entity.js';
import { MinutesResolver } from './minutes.resolver.js';
import { MINUTES_MUTATION_RULES } from './minutes.policy.js';
import { minutesSideEffects } from './minutes-mails.js';
import { minutesRoutes } from './minutes.http.js';

/** The minutes (protokoll) of closed meetings: drafted, approved by the chair and the adjusters, published. */
export const minutesModule: FeatureModule = {
  name: 'minutes',
  entities: [Minutes, MinutesParagraph, MinutesApproval],
  resolvers: [MinutesResolver],
  policies: [{ policy: 'minutes', rules: MINUTES_MUTATION_RULES }],
  sideEffects: minutesSideEffects,
  http: minutesRoutes,
};
