import type { FeatureModule } from '../feature-module.js';
import { Accession } from './accession.entity.js';
import { ExclusionCase } from './exclusion-case.entity.js';
import { AccessionResolver, ExclusionCaseResolver } from './accession.resolver.js';
import { accessionChangedField, coordinatorQueueChangedField } from './accession-live.js';
import { ACCESSION_MUTATION_RULES } from './accession.policy.js';

/** Accession to the agreement, exclusion cases and the coordinator's queue, live. */
export const accessionModule: FeatureModule = {
  name: 'accession',
  entities: [Accession, ExclusionCase],
  resolvers: [AccessionResolver, ExclusionCaseResolver],
  liveFields: [accessionChangedField, coordinatorQueueChangedField],
  policies: [{ policy: 'party', rules: ACCESSION_MUTATION_RULES }],
};
