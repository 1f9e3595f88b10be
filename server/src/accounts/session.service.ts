import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode, TEXT_LIMITS } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { userError } from '../graphql/user-error.js';
import { publishLiveEvent, sessionTopic } from '../live/publish.js';
import { Person } from './person.entity.js';
import { Session } from './session.entity.js';
import { verifyPassword } from './password.js';
import { SESSION_DAYS, hashSessionToken, newSessionToken } from './session-cookie.js';

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
    sessionId: session.id,
  };
}

export interface SignInInput {
  email: string;
  password: string;
}

/**
 * Checks e-mail and password and opens a new session (a fresh id at every sign-in, so a planted cookie is
 * worthless); the previous session of this browser, if any, is ended. Returns the token for the cookie.
 */
export async function signIn(
  em: EntityManager,
  input: SignInInput,
  previousSessionId: string | null,
): Promise<{ token: string; person: Person; endedSessionId: string | null }> {
  const email = input.email.trim().toLowerCase();
  if (!email) throw userError('email', 'Ange din e-postadress.', UserErrorCode.REQUIRED);
  if (email.length > TEXT_LIMITS.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw userError('email', 'Ange en giltig e-postadress.', UserErrorCode.INVALID);
  }
  if (!input.password) throw userError('password', 'Ange ditt lösenord.', UserErrorCode.REQUIRED);
  if (input.password.length > TEXT_LIMITS.password) {
    throw userError('password', 'Lösenordet är för långt.', UserErrorCode.TOO_LONG);
  }
  const person = await em.findOne(Person, { email });
  const valid = await verifyPassword(person?.passwordHash ?? null, input.password);
  if (!person || !valid) {
    throw userError('', 'Fel e-postadress eller lösenord.', UserErrorCode.INVALID_CREDENTIALS);
  }
  return em.transactional(async (tx) => {
    if (previousSessionId) await endSession(tx, previousSessionId);
    const token = newSessionToken();
    tx.create(Session, {
      tokenHash: hashSessionToken(token),
      person,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000),
    });
    return { token, person, endedSessionId: previousSessionId };
  });
}

/** Ends a session and tells every instance to close its live connections. Call inside a transaction. */
export async function endSession(em: EntityManager, sessionId: string): Promise<void> {
  await em.nativeDelete(Session, { id: sessionId });
  await publishLiveEvent(em, { topic: sessionTopic(sessionId), kind: 'SESSION_ENDED', subjectId: sessionId });
}
