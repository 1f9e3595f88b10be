import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Router } from 'express';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { LiveField } from './live/live-hub.js';
import type { GdprRules } from './accounts/gdpr.metadata.js';
import type { SideEffectKind } from './outbox/outbox.js';

/** The policies whose rule names the mutation tables use; each has an authorization matrix test. */
export type PolicyName =
  | 'meeting'
  | 'meeting-planning'
  | 'party'
  | 'account'
  | 'document'
  | 'notice'
  | 'minutes'
  | 'submission'
  | 'notification'
  | 'invitation';

/** Which rule of a policy guards each mutation: the services enforce it, the matrix tests are generated from it. */
export interface MutationRules {
  policy: PolicyName;
  rules: Readonly<Record<string, string>>;
}

/**
 * Everything a feature brings, declared in its folder's `<feature>.module.ts`. The server is assembled from
 * the list in features.ts: the schema's resolvers, the ORM's entities, the hub-served subscription fields,
 * the GDPR walker's rules, the authorization tests and the demo seed all derive from it.
 */
export interface FeatureModule {
  name: string;
  /** MikroORM entities; a relation to Person is found by the GDPR walker without more code. */
  entities: EntityClass<object>[];
  /** type-graphql resolver classes. */
  resolvers: (new () => object)[];
  /** Subscription fields served by the live hub rather than graphql-ws. */
  liveFields?: LiveField[];
  /** How the GDPR export and deletion treat what the metadata alone cannot tell. */
  gdpr?: GdprRules;
  /** The mutation rule tables. Every mutation of the schema is in one (tested). */
  policies?: MutationRules[];
  /** The side effects after commit (mails, notifications) its changes record in the outbox. */
  sideEffects?: SideEffectKind<never>[];
  /** HTTP routes beside GraphQL (uploads, downloads), mounted before the client's history fallback. */
  http?: (deps: { orm: MikroORM; config: Config; log: Logger }) => Router;
  /** Demo data, run in list order when SEED_DEMO is on (imported only then); true when it wrote anything. */
  seed?: (em: EntityManager) => Promise<boolean>;
}
