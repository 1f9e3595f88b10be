import type { GdprRules } from './gdpr.metadata.js';
import { AccountToken } from './account-token.entity.js';
import { RateLimitAttempt } from './rate-limit.entity.js';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/**
 * Rows that belong to a person by their e-mail address or id rather than by a foreign key: invitations sent
 * to the address before the account existed, and rate-limit attempts keyed `<action>:email:<address>` or
 * `<action>:person:<id>` (see rate-limit.ts). Everything reached by a foreign key is found in the metadata.
 */
export const accountsGdpr: GdprRules = {
  keyedByAccount: [
    {
      entity: AccountToken,
      prop: 'email',
      where: ({ email }) => ({ email }),
      matches: (row, { email }) => row.email === email,
    },
    {
      entity: RateLimitAttempt,
      prop: 'key',
      where: ({ id, email }) => ({
        $or: [{ key: { $like: `%:${escapeLike(email)}` } }, { key: { $like: `%:${escapeLike(id)}` } }],
      }),
      matches: (row, { id, email }) => [email, id].some((suffix) => String(row.key).endsWith(`:${suffix}`)),
    },
  ],
};
