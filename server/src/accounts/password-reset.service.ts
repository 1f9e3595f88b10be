import type { EntityManager } from '@mikro-orm/postgresql';
import { PASSWORD_RESET_VALID_MINUTES, UserErrorCode } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { InputProblems } from '../graphql/user-error.js';
import type { Mailer } from '../mail/mailer.js';
import { passwordResetMail } from '../mail/templates.js';
import { AccountToken, AccountTokenPurpose } from './account-token.entity.js';
import { checkEmail, checkNewPassword } from './account-input.js';
import {
  INVALID_TOKEN_MESSAGE,
  invalidToken,
  looksLikeToken,
  newAccountToken,
  usableToken,
} from './account-tokens.js';
import { hashPassword } from './password.js';
import { Person } from './person.entity.js';
import { countAttempt, forgetSignInFailures, passwordResetLimits } from './rate-limit.js';
import { endAllSessions, openSession } from './session.service.js';

/**
 * Someone asks for a reset link. The answer is the same whether an account has the address (no account
 * enumeration): the mail goes out in the background, so even the time taken tells nothing. Requests are
 * rate-limited per address and per account; over the limit nothing is done.
 */
export async function requestPasswordReset(
  em: EntityManager,
  mailer: Mailer,
  input: { email: string },
  ip: string,
): Promise<void> {
  const problems = new InputProblems();
  const email = checkEmail(problems, 'email', input.email);
  problems.throwIfAny();
  const token = await em.transactional(async (tx) => {
    await countAttempt(tx, passwordResetLimits(email, ip));
    const person = await tx.findOne(Person, { email });
    if (!person) return null;
    const { token, tokenHash } = newAccountToken();
    tx.create(AccountToken, {
      tokenHash,
      purpose: AccountTokenPurpose.PASSWORD_RESET,
      email,
      person,
      expiresAt: new Date(Date.now() + PASSWORD_RESET_VALID_MINUTES * 60_000),
    });
    await tx.flush();
    return token;
  });
  if (token) mailer.sendInBackground(passwordResetMail(email, mailer.link('/aterstall-losenord', { token })));
}

/**
 * Sets a new password with a reset link's token. Every session of the person ends (their live connections
 * close), the sign-in failures are forgotten, and this browser is signed in with a fresh session.
 */
export async function resetPassword(
  em: EntityManager,
  viewer: Viewer | null,
  input: { token: string; password: string },
): Promise<{ person: Person; sessionToken: string }> {
  const problems = new InputProblems();
  if (!looksLikeToken(input.token)) problems.add('token', INVALID_TOKEN_MESSAGE, UserErrorCode.INVALID_TOKEN);
  checkNewPassword(problems, 'password', input.password);
  problems.throwIfAny();
  const passwordHash = await hashPassword(input.password);
  return em.transactional(async (tx) => {
    const token = await usableToken(tx, input.token, AccountTokenPurpose.PASSWORD_RESET);
    const person = token.person ? await token.person.load() : null;
    if (!person) throw invalidToken();
    person.passwordHash = passwordHash;
    token.usedAt = new Date();
    await tx.flush();
    await endAllSessions(tx, person.id);
    await forgetSignInFailures(tx, person.email);
    const previous = viewer && viewer.id !== person.id ? viewer.sessionId : null;
    const sessionToken = await openSession(tx, person, previous);
    return { person, sessionToken };
  });
}
