import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
let clientDir: string;
const script = `export const greeting = ${JSON.stringify('Välkommen till mötet. '.repeat(200))};\n`;
const ASSET = '/assets/index-B3f9xQ_a.js';
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose body comes back as sent (fetch would decompress it). */
function raw(
  pathname: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${pathname}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function decoded(res: RawResponse): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(res.body).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(res.body).toString('utf8');
  return res.body.toString('utf8');
}

beforeAll(async () => {
  // A build as `vite build` leaves it: hashed files under assets/, each with its .br and .gz beside it.
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-client-'));
  fs.mkdirSync(path.join(clientDir, 'assets'));
  fs.writeFileSync(
    path.join(clientDir, 'index.html'),
    `<!doctype html><html lang="sv"><head><title>Samverka</title><script type="module" src="${ASSET}"></script></head><body><div id="app"></div></body></html>`,
  );
  const asset = path.join(clientDir, ASSET);
  fs.writeFileSync(asset, script);
  fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(script));
  fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(script));
  fs.writeFileSync(path.join(clientDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  server = await startTestServer({ CLIENT_DIR: clientDir });
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(clientDir, { recursive: true, force: true });
});

describe("the client's hashed assets", () => {
  test.each([
    ['brotli when the browser takes it', 'gzip, deflate, br, zstd', 'br'],
    ['gzip when brotli is not accepted', 'gzip, deflate', 'gzip'],
    ['gzip when brotli is refused', 'br;q=0, gzip', 'gzip'],
    ['as they are when nothing is accepted', '', undefined],
    ['as they are when only identity is accepted', 'identity', undefined],
  ])('are served %s, cached for a year as immutable', async (_name, acceptEncoding, expected) => {
    const res = await raw(ASSET, acceptEncoding ? { 'accept-encoding': acceptEncoding } : {});
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(expected);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    if (expected) expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 5);
    expect(decoded(res)).toBe(script);
  });

  test('a HEAD request answers with the same headers and no body', async () => {
    const res = await raw(ASSET, { 'accept-encoding': 'br' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.body.length).toBe(0);
  });

  test('a path that climbs out of the assets is not served', async () => {
    const res = await raw('/assets/..%2f..%2fpackage.json', { 'accept-encoding': 'br', accept: '*/*' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(decoded(res)).not.toContain('"name"');
  });
});

describe('files that are not hashed', () => {
  test.each([
    ['index.html for a route', '/moten/abc/live'],
    ['index.html itself', '/index.html'],
    ['a file from public/', '/favicon.svg'],
  ])('%s is revalidated on every use', async (_name, pathname) => {
    const res = await raw(pathname, { accept: 'text/html,*/*', 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});

describe('GraphQL responses', () => {
  const query = JSON.stringify({
    query: '{ agreement { id summary values principles { name description } } }',
  });

  test.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['', undefined],
  ])('are compressed when accepted (%j)', async (acceptEncoding, expected) => {
    const res = await raw(
      '/graphql',
      {
        'content-type': 'application/json',
        ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
      },
      'POST',
      query,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(expected);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    const json = JSON.parse(decoded(res)) as { data?: { agreement?: { principles: unknown[] } } };
    expect(json.data?.agreement?.principles.length).toBeGreaterThan(0);
  });
});
