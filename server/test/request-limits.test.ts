import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DOCUMENT_LIMITS, documentShapeError } from '../src/graphql/document-limits.js';
import { graphqlMetrics } from '../src/graphql/apollo.js';
import { startTestServer, until, type TestServer } from './helpers.js';

let server: TestServer;
let coordinator: string;
beforeAll(async () => {
  server = await startTestServer();
  coordinator = await server.signIn('coordinator');
});
afterAll(() => server?.close());

async function post(body: unknown, cookie?: string) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as { errors?: any[]; data?: any } };
}

/** The measured attack: 88 kB of 1,500 fragments, each spreading the next. */
const chainedFragments = (count: number) =>
  [
    '{ ...F0 }',
    ...Array.from({ length: count }, (_, i) =>
      i + 1 < count
        ? `fragment F${i} on Query { viewer { id } ...F${i + 1} }`
        : `fragment F${i} on Query { viewer { id } }`,
    ),
  ].join('\n');

/** Few tokens, exponentially many fields once fragments are expanded: each spreads the next twice. */
const branchingFragments = (count: number) =>
  [
    '{ ...F0 }',
    ...Array.from({ length: count }, (_, i) =>
      i + 1 < count
        ? `fragment F${i} on Query { ...F${i + 1} agreement { ...G${i + 1} } }`
        : `fragment F${i} on Query { viewer { id } }`,
    ),
    ...Array.from({ length: count }, (_, i) =>
      i + 1 < count ? `fragment G${i} on Agreement { id }` : `fragment G${i} on Agreement { id }`,
    ),
  ].join('\n');

const clientDocuments = () => {
  const root = path.resolve(import.meta.dirname, '../../client/src');
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => [file, fs.readFileSync(path.join(root, file), 'utf8')] as const);
};

describe('a document is refused before validation when it is too big to be worth validating', () => {
  test('the 1,500 chained fragments (88 kB) are refused at parse with a 400, without validating', async () => {
    const query = chainedFragments(1500);
    expect(query.length).toBeGreaterThan(60_000);
    const validations = graphqlMetrics.validations;
    const res = await post({ query });
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.json.errors?.[0]?.message).toMatch(/more th\w+ \d+ tokens/);
    expect(graphqlMetrics.validations).toBe(validations);
  });

  test('too many fragments under the token limit are refused with QUERY_TOO_COMPLEX, without validating', async () => {
    const query = chainedFragments(DOCUMENT_LIMITS.definitions + 1);
    const validations = graphqlMetrics.validations;
    const res = await post({ query });
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(graphqlMetrics.validations).toBe(validations);
  });

  test('fragments that expand to too many fields are refused with QUERY_TOO_COMPLEX, without validating', async () => {
    const query = branchingFragments(20);
    const validations = graphqlMetrics.validations;
    const res = await post({ query });
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(graphqlMetrics.validations).toBe(validations);
  });

  test('a syntax error stays a 400', async () => {
    const res = await post({ query: '{ agreement { ' });
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  test('every document of the client is within the limits', () => {
    const documents = clientDocuments();
    expect(documents.length).toBeGreaterThan(5);
    for (const [file, text] of documents) {
      expect({ file, error: documentShapeError(parse(text, { maxTokens: DOCUMENT_LIMITS.tokens })) }).toEqual(
        {
          file,
          error: null,
        },
      );
    }
  });

  test("the client's biggest page documents pass whole over HTTP", async () => {
    for (const [file, operationName] of [
      ['features/parties/MyPartyPage.graphql', 'MyParties'],
      ['features/coordinator/CoordinatorPage.graphql', 'CoordinatorAccessions'],
    ] as const) {
      const text = clientDocuments().find(([name]) => name === file)![1];
      const res = await post({ query: text, operationName }, coordinator);
      expect({ file, status: res.status, errors: res.json.errors }).toEqual({
        file,
        status: 200,
        errors: undefined,
      });
    }
  });

  test('over WebSocket the same documents are refused with the same codes', async () => {
    const client = server.ws();
    const errorsOf = (query: string) =>
      new Promise<any[]>((resolve) => {
        client.subscribe(
          { query },
          { next: () => undefined, error: (e) => resolve(e as any[]), complete: () => resolve([]) },
        );
      });
    const validations = graphqlMetrics.validations;
    const tooMany = await errorsOf(chainedFragments(DOCUMENT_LIMITS.definitions + 1));
    expect(tooMany[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // Under the 64 kB message limit, over the token limit.
    const huge = await errorsOf(chainedFragments(1000));
    expect(huge[0]?.message).toMatch(/more th\w+ \d+ tokens/);
    expect(graphqlMetrics.validations).toBe(validations);
    await client.dispose();
  });
});

describe('over-deep JSON', () => {
  const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

  test('variables nested 5,000 deep are refused with a 400', async () => {
    const body = `{"query":"query($i: SignInInput!) { signIn(input: $i) { errors { code } } }","variables":{"i":${nested(5000)}}}`;
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(res.json.errors?.[0]?.message).toMatch(/nests deeper/);
  });

  test('arrays nested deep are refused too, and the server still answers', async () => {
    const body = `{"query":"{ agreement { id } }","variables":{"x":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    const res = await post(body);
    expect(res.status).toBe(400);
    await until(async () => (await post({ query: '{ agreement { id } }' })).status === 200);
  });

  test('a WebSocket message nested deep is refused with 4400', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => socket.once('message', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send(
      `{"id":"1","type":"subscribe","payload":{"query":"subscription { x }","variables":{"v":${nested(5000)}}}}`,
    );
    expect(await closed).toBe(4400);
  });

  test('brackets inside strings do not count', async () => {
    const res = await post({ query: '{ agreement { id } }', variables: { text: '{['.repeat(200) } });
    expect(res.status).toBe(200);
  });
});
