import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode, TEXT_LIMITS } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { tooLongError, userError } from '../graphql/user-error.js';
import { unauthenticated } from '../graphql/errors.js';
import { publishLiveEvent, sessionTopic } from '../live/publish.js';
import { Person } from './person.entity.js';
import { Session } from './session.entity.js';
import { verifyPassword } from './password.js';
import { SESSION_DAYS, hashSessionToken, newSessionToken } from './session-cookie.js';
import { countAttempt, forgetAttempts, signInLimits } from './rate-limit.js';

/** Finds the viewer of a session token: one SQL statement, none when signed out. */
export async function viewerForToken(em: EntityManager, token: string | null): Promise<Viewer | null> {
  if (!token) return null;
  const session = await em.findOne(
    Session,
    { tokenHash: hashSessionToken(token), expiresAt: { $gt: new Date() } },
    { populate: ['person'] },
  );
  if (!session) return null;
  const person = session.person.getEntity();
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    isCoordinator: person.isCoordinator,
    convenes: session.convenes,
    sessionId: session.id,
  };
}

export interface SignInInput {
  email: string;
  password: string;
}

/**
 * Opens a new session for the person (a fresh id at every sign-in, so a planted cookie is worthless) and ends
 * the one this browser came with, if any. Call inside a transaction; returns the token for the cookie.
 */
export async function openSession(
  tx: EntityManager,
  person: Person,
  previousSessionId: string | null,
): Promise<string> {
  if (previousSessionId) await endSession(tx, previousSessionId);
  const token = newSessionToken();
  tx.create(Session, {
    tokenHash: hashSessionToken(token),
    person,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000),
  });
  await tx.flush();
  return token;
}

/**
 * Checks e-mail and password and opens a new session. Attempts are counted per (account, address) pair and per
 * address (`ip`), see signInLimits: over a limit the password is not even checked. A success clears the pair's
 * failures.
 */
export async function signIn(
  em: EntityManager,
  input: SignInInput,
  previousSessionId: string | null,
  ip = 'unknown',
): Promise<{ token: string; person: Person; endedSessionId: string | null }> {
  const email = input.email.trim().toLowerCase();
  if (!email) throw userError('email', 'Ange din e-postadress.', UserErrorCode.REQUIRED);
  if (email.length > TEXT_LIMITS.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw userError('email', 'Ange en giltig e-postadress.', UserErrorCode.INVALID);
  }
  if (!input.password) throw userError('password', 'Ange ditt lösenord.', UserErrorCode.REQUIRED);
  if (input.password.length > TEXT_LIMITS.password) {
    throw tooLongError(
      'password',
      TEXT_LIMITS.password,
      `Lösenordet får vara högst ${TEXT_LIMITS.password} tecken.`,
    );
  }
  // Counted (and committed) before the password is checked, so parallel guesses cannot outrun the count.
  const attempt = await em.transactional((tx) => countAttempt(tx, signInLimits(email, ip)));
  const person = await em.findOne(Person, { email });
  const valid = await verifyPassword(person?.passwordHash ?? null, input.password);
  if (!person || !valid) {
    throw userError('', 'Fel e-postadress eller lösenord.', UserErrorCode.INVALID_CREDENTIALS);
  }
  return em.transactional(async (tx) => {
    await forgetAttempts(tx, { key: signInLimits(email, ip)[0].key, ids: attempt });
    const token = await openSession(tx, person, previousSessionId);
    return { token, person, endedSessionId: previousSessionId };
  });
}

/** Ends a session and tells every instance to close its live connections. Call inside a transaction. */
export async function endSession(em: EntityManager, sessionId: string): Promise<void> {
  await em.nativeDelete(Session, { id: sessionId });
  await publishLiveEvent(em, { topic: sessionTopic(sessionId), kind: 'SESSION_ENDED', subjectId: sessionId });
}

/** Ends every session of a person (after a password reset), each closing its live connections. */
export async function endAllSessions(tx: EntityManager, personId: string): Promise<void> {
  const sessions = await tx.find(Session, { person: personId }, { fields: ['id'] });
  for (const session of sessions) await endSession(tx, session.id);
}

/** The viewer's sessions that have not expired, the newest first. */
export function viewerSessions(em: EntityManager, viewer: Viewer): Promise<Session[]> {
  return em.find(
    Session,
    { person: viewer.id, expiresAt: { $gt: new Date() } },
    { orderBy: { createdAt: 'desc' } },
  );
}

/**
 * Ends one of the viewer's own sessions (another browser, or this one); its live connections close.
 * Someone else's session is "not found", so its existence is not told.
 */
export async function endOwnSession(
  em: EntityManager,
  viewer: Viewer | null,
  sessionId: string | null,
): Promise<{ endedCurrent: boolean }> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const session = sessionId ? await tx.findOne(Session, { id: sessionId, person: viewer.id }) : null;
    if (!session) throw userError('sessionId', 'Inloggningen finns inte.', UserErrorCode.NOT_FOUND);
    await endSession(tx, session.id);
    return { endedCurrent: session.id === viewer.sessionId };
  });
}

/** Signing out ends the viewer's own session (and closes its live connections); it needs one. */
export async function signOut(em: EntityManager, viewer: Viewer | null): Promise<void> {
  if (!viewer) throw unauthenticated();
  await em.transactional((tx) => endSession(tx, viewer.sessionId));
}
