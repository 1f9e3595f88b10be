import { randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode } from '@samverka/domain';
import { userError } from '../graphql/user-error.js';
import { AccountToken, AccountTokenPurpose } from './account-token.entity.js';
import { hashSessionToken } from './session-cookie.js';

/** A token for a link in a mail: 32 random bytes, base64url. Only its SHA-256 is stored. */
export function newAccountToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashSessionToken(token) };
}

export const INVALID_TOKEN_MESSAGE = 'Länken är ogiltig, redan använd eller för gammal. Be om en ny.';

export function invalidToken() {
  return userError('token', INVALID_TOKEN_MESSAGE, UserErrorCode.INVALID_TOKEN);
}

/** True when the text could be one of our tokens (checked before anything is looked up). */
export function looksLikeToken(token: string | null | undefined): token is string {
  return !!token && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * The unused, unexpired token of that purpose, locked until commit so it can be used only once even when
 * the link is opened twice at the same moment; else INVALID_TOKEN.
 */
export async function usableToken(
  tx: EntityManager,
  token: string,
  purpose: AccountTokenPurpose,
): Promise<AccountToken> {
  if (!looksLikeToken(token)) throw invalidToken();
  const found = await tx.findOne(
    AccountToken,
    { tokenHash: hashSessionToken(token), purpose, usedAt: null, expiresAt: { $gt: new Date() } },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!found) throw invalidToken();
  return found;
}
