import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Person } from '../src/accounts/person.entity.js';
import { maskError } from '../src/graphql/mask-errors.js';
import { startTestServer, type TestServer } from './helpers.js';
import { capturedLogger } from './log-capture.js';
import { PASSWORD, REGISTER, freshEmail } from './accounts-fixtures.js';

/** A hash as the database holds them; it must never reach a log. */
const ARGON2_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA';

let server: TestServer;
const log = capturedLogger('debug');
beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: 'debug' }, undefined, log.logger);
});
afterAll(() => server?.close());

test('a NUL byte in a registration is a field error, and the log holds neither address nor password', async () => {
  const email = freshEmail('nul');
  const res = await server.gql(REGISTER, {
    input: { name: 'Nul\u0000Person', email, password: `${PASSWORD}\u0000` },
  });
  expect(res.errors).toBeUndefined();
  expect(res.data!.register.errors).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ field: ['input', 'name'], code: 'INVALID' }),
      expect.objectContaining({ field: ['input', 'password'], code: 'INVALID' }),
    ]),
  );
  expect(log.text()).not.toContain(email);
  expect(log.text()).not.toContain(PASSWORD);
});

test('a control character in a sign-in is a field error, not an internal error', async () => {
  const res = await server.gql(
    'mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } errors { field code } } }',
    { input: { email: 'a\u0000@exempel.se', password: PASSWORD } },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.signIn.errors).toEqual([{ field: ['input', 'email'], code: 'INVALID' }]);
});

test('line breaks and tabs stay allowed where text has paragraphs', async () => {
  const res = await server.gql(REGISTER, {
    input: {
      name: 'Rader Person',
      email: freshEmail('rader'),
      password: PASSWORD,
      createParty: {
        name: 'Föreningen Rader',
        kind: 'NETWORK',
        networkContactName: 'Rader Person',
        networkParticipants: 'Första stycket.\r\n\r\nAndra stycket:\n\t– en punkt',
      },
    },
  });
  expect(res.data!.register.errors).toEqual([]);
});

test('a control character in a query argument is a bad request, not an internal error', async () => {
  const res = await server.gql('query($q: String) { parties(first: 5, search: $q) { totalCount } }', {
    q: 'Viva\u0000lla',
  });
  expect(res.status).toBe(400);
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test("a database error's log line holds no SQL parameters: no address, no hash", async () => {
  const email = freshEmail('lacka');
  const em = server.orm.em.fork();
  // Past every validator, straight to PostgreSQL, which refuses the NUL byte.
  em.create(Person, { name: 'Läck\u0000Person', email, passwordHash: ARGON2_HASH });
  const error = await em.flush().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  const masked = maskError(
    new GraphQLError('x', { originalError: error as Error }).toJSON(),
    error,
    log.logger,
  );
  expect(masked.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  const line = log.lines().at(-1)!;
  expect(line).toMatchObject({ err: { type: 'DriverException', message: expect.stringMatching(/invalid/) } });
  expect(log.text()).not.toContain(email);
  expect(log.text()).not.toContain('$argon2id');
});

test('cookies, passwords, tokens and addresses are redacted wherever they are logged', () => {
  log.logger.info(
    {
      req: { headers: { cookie: 'samverka_session=hemlig-kaka', authorization: 'Bearer hemlig-token' } },
      input: { email: 'greta@example.org', password: 'hemligt-lösen', token: 'hemlig-länk' },
      passwordHash: ARGON2_HASH,
      to: ['greta@example.org'],
    },
    'redaction check',
  );
  const text = log.text();
  for (const secret of [
    'hemlig-kaka',
    'hemlig-token',
    'greta@example.org',
    'hemligt-lösen',
    'hemlig-länk',
    '$argon2id',
  ]) {
    expect(text).not.toContain(secret);
  }
  expect(text).toContain('redaction check');
});
