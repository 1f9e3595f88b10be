import { MembershipRole, MembershipStatus } from '@samverka/domain';
import { AccountToken, AccountTokenPurpose } from '../src/accounts/account-token.entity.js';
import { newAccountToken } from '../src/accounts/account-tokens.js';
import { Person } from '../src/accounts/person.entity.js';
import { Membership } from '../src/parties/membership.entity.js';
import { toGlobalId } from '../src/graphql/node.js';
import { cookieFrom, type TestServer } from './helpers.js';

export const PASSWORD = 'ett långt lösenord';

export const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) { viewer { id email name } party { id name } errors { field code message } }
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

/** Registers a person through the API; returns the cookie, the person's uuid and the party's global id. */
export async function registerPerson(server: TestServer, extra: Record<string, unknown> = {}) {
  const email = (extra.email as string) ?? freshEmail();
  const res = await server.gql(REGISTER, {
    input: { name: 'Testa Person', email, password: PASSWORD, ...extra },
  });
  if (res.data?.register?.errors?.length || !res.data?.register?.viewer) {
    throw new Error(`registration failed: ${JSON.stringify(res.data ?? res.errors)}`);
  }
  return {
    email,
    cookie: cookieFrom(res),
    personId: res.data.register.viewer.id as string,
    partyId: (res.data.register.party?.id ?? null) as string | null,
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
