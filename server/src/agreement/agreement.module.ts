import type { FeatureModule } from '../feature-module.js';
import { Agreement } from './agreement.entity.js';
import { AgreementResolver } from './agreement.resolver.js';

/** The agreement in force; its seed is the demo's foundation (forums, plan, people, meetings). */
export const agreementModule: FeatureModule = {
  name: 'agreement',
  entities: [Agreement],
  resolvers: [AgreementResolver],
  seed: async (em) => (await import('../seed/seed.js')).seedDemoData(em),
};
