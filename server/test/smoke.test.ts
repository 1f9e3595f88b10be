import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

test('the agreement is served', async () => {
  const res = await server.gql(
    '{ agreement { registrationNumber principles { key } commitments { position } } }',
  );
  expect(res.data?.agreement.registrationNumber).toBe('Ks 1132/2023');
  expect(res.data?.agreement.principles).toHaveLength(6);
});
