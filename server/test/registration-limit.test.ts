import { afterAll, beforeAll, expect, test } from 'vitest';
import { rowCounts, startTestServer, type TestServer } from './helpers.js';
import { PASSWORD, REGISTER, freshEmail } from './accounts-fixtures.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ REGISTRATIONS_PER_HOUR: '2' });
});
afterAll(() => server?.close());

test('one address creates a bounded number of accounts an hour; refused input does not count', async () => {
  const register = (email: string) =>
    server.gql(REGISTER, { input: { name: 'Ny Person', email, password: PASSWORD } });
  const refused = await register('inte en adress');
  expect(refused.data!.register.errors[0].code).toBe('INVALID');
  expect((await register(freshEmail())).data!.register.errors).toEqual([]);
  expect((await register(freshEmail())).data!.register.errors).toEqual([]);
  const before = await rowCounts(server, ['person', 'session']);
  const third = await register(freshEmail());
  expect(third.data!.register.email).toBeNull();
  expect(third.data!.register.errors).toEqual([
    { field: ['input'], code: 'RATE_LIMITED', message: 'För många försök. Försök igen om 60 minuter.' },
  ]);
  expect(await rowCounts(server, ['person', 'session'])).toEqual(before);
});
