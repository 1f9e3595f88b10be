import type { FeatureModule } from '../feature-module.js';
import { Person } from './person.entity.js';
import { Session } from './session.entity.js';
import { AccountToken } from './account-token.entity.js';
import { RateLimitAttempt } from './rate-limit.entity.js';
import { AccountsResolver } from './accounts.resolver.js';
import { GdprResolver } from './gdpr.resolver.js';
import { ACCOUNT_MUTATION_RULES } from './account.policy.js';
import { accountsGdpr } from './accounts.gdpr.js';

/** People, sessions, registration, resets, invitations and the GDPR export and deletion. */
export const accountsModule: FeatureModule = {
  name: 'accounts',
  entities: [Person, Session, AccountToken, RateLimitAttempt],
  resolvers: [AccountsResolver, GdprResolver],
  gdpr: accountsGdpr,
  policies: [{ policy: 'account', rules: ACCOUNT_MUTATION_RULES }],
};
