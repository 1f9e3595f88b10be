import { features } from '../src/features.js';
import type { PolicyName } from '../src/feature-module.js';

/**
 * The policies an authorization matrix exercises: meeting (authorization.test.ts), meeting-planning
 * (meeting-planning-authorization.test.ts), party, account, document, notice, minutes,
 * submission (submission-*-authorization.test.ts), notification (notifications-authorization.test.ts),
 * invitation (invitation-*-authorization.test.ts).
 */
export const MATRIX_POLICIES: PolicyName[] = [
  'meeting',
  'meeting-planning',
  'party',
  'account',
  'document',
  'notice',
  'minutes',
  'submission',
  'notification',
  'invitation',
];

/** Every feature's mutation rules under one policy: what the matrix of that policy runs. */
export function mutationRules(policy: PolicyName): Record<string, string> {
  return Object.assign(
    {},
    ...features
      .flatMap((feature) => feature.policies ?? [])
      .filter((table) => table.policy === policy)
      .map((table) => table.rules),
  );
}
