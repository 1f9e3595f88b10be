import { MembershipRole, MembershipStatus } from '@samverka/domain';
import { AccountToken, AccountTokenPurpose } from '../src/accounts/account-token.entity.js';
import { newAccountToken } from '../src/accounts/account-tokens.js';
import { Person } from '../src/accounts/person.entity.js';
import { Membership } from '../src/parties/membership.entity.js';
import { toGlobalId } from '../src/graphql/node.js';
import { cookieFrom, type TestServer } from './helpers.js';

export const PASSWORD = 'ett långt lösenord';

export const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) { email errors { field code message } }
}`;

const SIGN_IN = `mutation($input: SignInInput!) {
  signIn(input: $input) { viewer { id memberships { party { id } } } errors { code } }
}`;

let counter = 0;
/** A fresh e-mail address. */
export function freshEmail(prefix = 'person'): string {
  return `${prefix}${++counter}.${Date.now()}@exempel.se`;
}

export function networkParty(name: string) {
  return {
    name,
    kind: 'NETWORK',
    networkContactName: 'Kim Kontakt',
    networkParticipants: 'Föreningar på Vivalla',
  };
}

/**
 * Registers a person through the API and signs in (registering signs nobody in); returns the cookie, the
 * person's uuid and the global id of the party created or asked to join.
 */
export async function registerPerson(server: TestServer, extra: Record<string, unknown> = {}) {
  const email = (extra.email as string) ?? freshEmail();
  const password = (extra.password as string) ?? PASSWORD;
  const res = await server.gql(REGISTER, {
    input: { name: 'Testa Person', email, password, ...extra },
  });
  if (res.data?.register?.errors?.length || !res.data?.register?.email) {
    throw new Error(`registration failed: ${JSON.stringify(res.data ?? res.errors)}`);
  }
  const signedIn = await server.gql(SIGN_IN, { input: { email, password } });
  const viewer = signedIn.data?.signIn?.viewer;
  if (!viewer) throw new Error(`sign-in after registration failed: ${JSON.stringify(signedIn.data)}`);
  return {
    email: email.toLowerCase(),
    cookie: cookieFrom(signedIn),
    personId: viewer.id as string,
    partyId: (viewer.memberships[0]?.party.id ?? null) as string | null,
  };
}

export function uuidOf(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString().split(':')[1]!;
}

/** A party (a network) with its contact signed in. */
export async function partyWithContact(server: TestServer, name = 'Nätverket Test') {
  const contact = await registerPerson(server, { createParty: networkParty(`${name} ${++counter}`) });
  return { ...contact, partyId: contact.partyId! };
}

/** A person who asked to join the party: returns the membership's global id. */
export async function membershipRequest(
  server: TestServer,
  partyId: string,
  status = MembershipStatus.REQUESTED,
) {
  const em = server.orm.em.fork();
  const person = em.create(Person, { name: 'Sökande', email: freshEmail('sokande'), passwordHash: 'x' });
  const membership = em.create(Membership, {
    person,
    party: uuidOf(partyId),
    role: MembershipRole.MEMBER,
    status,
  });
  await em.flush();
  return { membershipId: toGlobalId('Membership', membership.id), uuid: membership.id, person };
}

/** An unused token written straight to the table (what the mail would carry). */
export async function accountToken(
  server: TestServer,
  purpose: AccountTokenPurpose,
  fields: { email: string; personId?: string; partyId?: string; role?: MembershipRole; expiresInMs?: number },
) {
  const em = server.orm.em.fork();
  const { token, tokenHash } = newAccountToken();
  em.create(AccountToken, {
    tokenHash,
    purpose,
    email: fields.email,
    person: fields.personId ?? null,
    party: fields.partyId ? uuidOf(fields.partyId) : null,
    role: fields.role ?? (purpose === AccountTokenPurpose.INVITATION ? MembershipRole.MEMBER : null),
    expiresAt: new Date(Date.now() + (fields.expiresInMs ?? 3600_000)),
  });
  await em.flush();
  return token;
}
