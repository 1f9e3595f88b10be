import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: JSON.parse(text) as {
      errors?: { message: string; extensions?: { code?: string } }[];
      data?: unknown;
    },
  };
}

test('passes every MUST of the GraphQL over HTTP audit', async () => {
  const results = await auditServer({ url: `${server.url}/graphql` });
  const failures = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok');
  expect(failures.map((f) => `${f.name}: ${'reason' in f ? f.reason : ''}`)).toEqual([]);
});

describe('malformed requests get a coded GraphQL error and status 400, never a stack or a 500', () => {
  const deep = `{ forums { edges { node { meetings { edges { node { forum { meetings { edges { node { forum { meetings { edges { node { id } } } } } } } } } } } } } } }`;
  const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: agreement { id }`).join(' ')} }`;
  test.each([
    ['bad JSON', '{"query": "{ agreement { id }', 'BAD_REQUEST'],
    [
      'an unknown operation',
      JSON.stringify({ query: 'query A { agreement { id } }', operationName: 'B' }),
      'OPERATION_RESOLUTION_FAILURE',
    ],
    ['a query over the depth limit', JSON.stringify({ query: deep }), 'GRAPHQL_VALIDATION_FAILED'],
    ['a query over the alias limit', JSON.stringify({ query: aliases }), 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a batched array body',
      JSON.stringify([{ query: '{ agreement { id } }' }, { query: '{ agreement { id } }' }]),
      'BAD_REQUEST',
    ],
    ['a syntax error', JSON.stringify({ query: '{ agreement { ' }), 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', JSON.stringify({ query: '{ nope }' }), 'GRAPHQL_VALIDATION_FAILED'],
  ])('%s', async (_name, body, code) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.text).not.toMatch(/stacktrace|at .*\.(js|ts):\d+/);
  });

  test('a mutation over GET is refused with 405', async () => {
    const query = encodeURIComponent('mutation { signOut { signedOut } }');
    const res = await fetch(`${server.url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(405);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBeTruthy();
  });

  test('a simple cross-site form post is refused (CSRF prevention)', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { signOut { signedOut } }' }),
    });
    expect(res.status).toBe(400);
  });

  test('an internal error is masked', async () => {
    const res = await post(JSON.stringify({ query: '{ forums(first: 1000) { totalCount } }' }));
    expect(res.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.text).not.toMatch(/stack/i);
  });
});

describe('health and the client', () => {
  test('/healthz answers while the process is up, /readyz when the database answers', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  test('the session cookie is HTTP-only and SameSite, with a fresh id at each sign-in', async () => {
    const query = 'mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } } }';
    const input = { input: { email: 'SAMORDNARE@samverka.example', password: 'samverka-demo' } };
    const first = await server.gql(query, input);
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const second = await server.gql(query, input, cookie.split(';')[0]);
    expect(second.headers.get('set-cookie')!.split(';')[0]).not.toBe(cookie.split(';')[0]);
    expect((await server.gql('{ viewer { id } }', {}, cookie.split(';')[0])).data!.viewer).toBeNull();
  });

  test('a wrong password gets a payload error, not a hint which part was wrong', async () => {
    const res = await server.gql(
      'mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } errors { code message } } }',
      {
        input: { email: 'samordnare@samverka.example', password: 'wrong' },
      },
    );
    expect(res.data!.signIn).toEqual({
      viewer: null,
      errors: [{ code: 'INVALID_CREDENTIALS', message: 'Fel e-postadress eller lösenord.' }],
    });
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});
