import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';
import { PASSWORD, freshEmail, registerPerson } from './accounts-fixtures.js';

/**
 * OWASP's guidance for guessing: failures are counted per (account, address) pair and per address, and slow
 * the guesser down; nobody elsewhere can lock the real owner out. Addresses come from X-Forwarded-For behind
 * one trusted proxy.
 */
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } errors { code retryAfterMinutes } } }`;
const ATTACKER = '203.0.113.66';
const OWNER = '198.51.100.7';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TRUST_PROXY: '1' });
});
afterAll(() => server?.close());

async function signIn(from: string, email: string, password: string) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ query: SIGN_IN, variables: { input: { email, password } } }),
  });
  const body = (await res.json()) as { data: { signIn: { viewer: { id: string } | null; errors: any[] } } };
  return { ...body.data.signIn, cookie: res.headers.get('set-cookie') };
}

async function sql(query: string, params: unknown[] = []) {
  return server.orm.em.fork().getConnection().execute(query, params);
}

test('an attacker guessing from one address is stopped; the owner still signs in from another', async () => {
  const owner = await registerPerson(server);
  for (let i = 0; i < 5; i++) {
    expect((await signIn(ATTACKER, owner.email, `gissning ${i}`)).errors[0].code).toBe('INVALID_CREDENTIALS');
  }
  const stopped = await signIn(ATTACKER, owner.email, 'gissning 6');
  expect(stopped.errors[0]).toMatchObject({ code: 'RATE_LIMITED' });
  expect(stopped.errors[0].retryAfterMinutes).toBeGreaterThan(0);
  // Even the right password is not checked for this pair until the failures age out.
  expect((await signIn(ATTACKER, owner.email, PASSWORD)).errors[0].code).toBe('RATE_LIMITED');

  const signedIn = await signIn(OWNER, owner.email, PASSWORD);
  expect(signedIn.errors).toEqual([]);
  expect(signedIn.viewer).not.toBeNull();
  expect(signedIn.cookie).toMatch(/samverka_session=/);

  // The owner's success does not let the attacker go on.
  expect((await signIn(ATTACKER, owner.email, 'gissning 7')).errors[0].code).toBe('RATE_LIMITED');
  await sql(`delete from rate_limit_attempt where key like 'signin:%'`);
});

test('the owner mistyping from their own address is not locked out by the attacker elsewhere', async () => {
  const owner = await registerPerson(server);
  for (let i = 0; i < 12; i++) await signIn(ATTACKER, owner.email, `gissning ${i}`);
  for (let i = 0; i < 3; i++) {
    expect((await signIn(OWNER, owner.email, 'fel')).errors[0].code).toBe('INVALID_CREDENTIALS');
  }
  expect((await signIn(OWNER, owner.email, PASSWORD)).errors).toEqual([]);
  await sql(`delete from rate_limit_attempt where key like 'signin:%'`);
});

test('an address spraying many accounts is slowed down, not locked: it waits longer after each failure', async () => {
  const victims = Array.from({ length: 25 }, () => freshEmail('spray'));
  const codes: string[] = [];
  for (const email of victims) codes.push((await signIn(ATTACKER, email, 'Sommar2026!')).errors[0].code);
  expect(codes.slice(0, 20)).toEqual(Array(20).fill('INVALID_CREDENTIALS'));
  expect(codes.slice(20)).toEqual(Array(5).fill('RATE_LIMITED'));

  // Once the pause has passed (at most 5 minutes), the address may try again, once, and then waits longer.
  await sql(`update rate_limit_attempt set at = at - interval '5 minutes' where key = ?`, [
    `signin:ip:${ATTACKER}`,
  ]);
  expect((await signIn(ATTACKER, freshEmail('spray'), 'Sommar2026!')).errors[0].code).toBe(
    'INVALID_CREDENTIALS',
  );
  expect((await signIn(ATTACKER, freshEmail('spray'), 'Sommar2026!')).errors[0].code).toBe('RATE_LIMITED');

  // Meanwhile everyone at other addresses signs in as usual.
  const owner = await registerPerson(server);
  expect((await signIn(OWNER, owner.email, PASSWORD)).errors).toEqual([]);
  await sql(`delete from rate_limit_attempt where key like 'signin:%'`);
});
