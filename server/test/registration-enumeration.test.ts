import { afterAll, beforeAll, expect, test } from 'vitest';
import { passwordMetrics } from '../src/accounts/password.js';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import { startTestMailbox, type TestMailbox } from './mail-helpers.js';
import { PASSWORD, freshEmail, registerPerson } from './accounts-fixtures.js';

/**
 * Registering tells nobody whether an address has an account: a new and a known address get the same
 * answer (and no session); the mail says the rest, to the address's owner only.
 */
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { email errors { field code message } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } errors { code } } }`;
const TABLES = ['person', 'party', 'membership', 'session', 'live_event'];

let server: TestServer;
let mailbox: TestMailbox;
beforeAll(async () => {
  mailbox = await startTestMailbox();
  server = await startTestServer({ SMTP_URL: mailbox.url, PUBLIC_URL: 'https://samverka.example' });
});
afterAll(async () => {
  await server?.close();
  await mailbox?.close();
});

const association = (name: string) => ({
  name,
  kind: 'NON_PROFIT_ASSOCIATION',
  organisationNumber: '802002-4280',
});

async function register(input: Record<string, unknown>) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: REGISTER, variables: { input } }),
  });
  const body = (await res.json()) as { data: { register: { email: string | null; errors: unknown[] } } };
  return { payload: body.data.register, cookie: res.headers.get('set-cookie') };
}

test('a new and a known address get the same answer, no session, and each its own mail', async () => {
  const known = await registerPerson(server);
  const fresh = freshEmail('ny');

  const before = await rowCounts(server, TABLES);
  const forKnown = await register({
    name: 'Någon Annan',
    email: known.email.toUpperCase(),
    password: 'en annan fras här',
  });
  expect(await rowCounts(server, TABLES)).toEqual(before);
  const forNew = await register({ name: 'Ny Person', email: fresh, password: PASSWORD });

  expect(forKnown.payload).toEqual({ email: known.email, errors: [] });
  expect(forNew.payload).toEqual({ email: fresh, errors: [] });
  expect(forKnown.cookie).toBeNull();
  expect(forNew.cookie).toBeNull();

  const notice = await mailbox.waitFor(known.email, /försökte registrera/);
  expect(notice.text).toContain('https://samverka.example/logga-in');
  expect(notice.text).toContain('https://samverka.example/aterstall-losenord');
  expect(notice.text).toMatch(/In English/);
  const welcome = await mailbox.waitFor(fresh, /Välkommen/);
  expect(welcome.text).toContain('https://samverka.example/logga-in');

  // The new account works with its password; the known one kept its own.
  expect(
    (await server.gql(SIGN_IN, { input: { email: fresh, password: PASSWORD } })).data!.signIn.errors,
  ).toEqual([]);
  const taken = await server.gql(SIGN_IN, { input: { email: known.email, password: 'en annan fras här' } });
  expect(taken.data!.signIn.errors[0].code).toBe('INVALID_CREDENTIALS');
});

test("a party's problems are reported alike for a new and a known address", async () => {
  const known = await registerPerson(server);
  const first = await register({
    name: 'Först',
    email: freshEmail('forst'),
    password: PASSWORD,
    createParty: association('Föreningen Först'),
  });
  expect(first.payload.errors).toEqual([]);

  const before = await rowCounts(server, TABLES);
  const again = { password: PASSWORD, createParty: association('Föreningen Igen') };
  const forNew = await register({ name: 'Ny', email: freshEmail('igen'), ...again });
  const forKnown = await register({ name: 'Känd', email: known.email, ...again });
  expect(forNew.payload.errors).toEqual([
    expect.objectContaining({ field: ['input', 'createParty', 'organisationNumber'], code: 'DUPLICATE' }),
  ]);
  expect(forKnown.payload).toEqual(forNew.payload);
  expect(await rowCounts(server, TABLES)).toEqual(before);
});

test('the rate limit is counted before any password is hashed', async () => {
  const limited = await startTestServer({ SMTP_URL: mailbox.url, REGISTRATIONS_PER_HOUR: '1' });
  try {
    const ok = await limited.gql(REGISTER, {
      input: { name: 'Ett', email: freshEmail('ett'), password: PASSWORD },
    });
    expect(ok.data!.register.errors).toEqual([]);
    const hashes = passwordMetrics.hashes;
    const refused = await limited.gql(REGISTER, {
      input: { name: 'Två', email: freshEmail('tva'), password: PASSWORD },
    });
    expect(refused.data!.register.errors[0].code).toBe('RATE_LIMITED');
    expect(passwordMetrics.hashes).toBe(hashes);
  } finally {
    await limited.close();
  }
});
