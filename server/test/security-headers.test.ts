import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../src/config.js';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/seed/demo-data.js';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
let behindHttps: TestServer;
let clientDir: string;

beforeAll(async () => {
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-client-'));
  fs.writeFileSync(
    path.join(clientDir, 'index.html'),
    '<!doctype html><html lang="sv"><head><title>Samverka</title><script type="module" src="/assets/index.js"></script></head><body><div id="app"></div></body></html>',
  );
  server = await startTestServer({ CLIENT_DIR: clientDir });
  behindHttps = await startTestServer({ CLIENT_DIR: clientDir, PUBLIC_URL: 'https://samverka.example' });
});
afterAll(async () => {
  await server?.close();
  await behindHttps?.close();
  fs.rmSync(clientDir, { recursive: true, force: true });
});

describe('security headers on every page', () => {
  test.each([
    ['the client', '/', 'text/html'],
    ['a client route', '/moten', 'text/html'],
    ['the API', '/graphql?query=%7Bagreement%7Bid%7D%7D', 'application/json'],
    ['the health check', '/healthz', 'application/json'],
  ])('%s', async (_name, pathname, accept) => {
    const res = await fetch(`${server.url}${pathname}`, { headers: { accept } });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  test('over plain HTTP nothing asks the browser to upgrade to HTTPS; behind HTTPS it does', async () => {
    const plain = await fetch(`${server.url}/healthz`);
    expect(plain.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const secure = await fetch(`${behindHttps.url}/healthz`);
    expect(secure.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    expect(secure.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  test("the client's page has no inline script or style that the policy would block", () => {
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../client/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toMatch(/\bsrc=/);
    expect(html).not.toMatch(/<style\b|\sstyle=/);
  });
});

describe('the WebSocket upgrade checks Origin', () => {
  const connect = (url: string, origin?: string) =>
    new Promise<number | 'open'>((resolve) => {
      const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', {
        headers: origin ? { origin } : {},
      });
      socket.once('open', () => {
        socket.close();
        resolve('open');
      });
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('error', () => undefined);
    });

  test("the server's own origin is let in", async () => {
    expect(await connect(server.url, server.url)).toBe('open');
  });

  test('a client without Origin (not a browser) is let in', async () => {
    expect(await connect(server.url)).toBe('open');
  });

  test('another origin is refused with 403', async () => {
    expect(await connect(server.url, 'https://evil.example')).toBe(403);
    expect(await connect(behindHttps.url, 'http://samverka.example')).toBe(403);
  });

  test("PUBLIC_URL's origin is let in", async () => {
    expect(await connect(behindHttps.url, 'https://samverka.example')).toBe('open');
  });
});

describe('the session cookie', () => {
  const signIn = async (target: TestServer) => {
    const res = await fetch(`${target.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } } }',
        variables: { input: { email: DEMO_PEOPLE.member.email, password: DEMO_PASSWORD } },
      }),
    });
    return res.headers.get('set-cookie') ?? '';
  };

  test('is Secure whenever PUBLIC_URL is https', async () => {
    expect(await signIn(behindHttps)).toMatch(/;\s*Secure/i);
  });

  test('is Secure with an https PUBLIC_URL or COOKIE_SECURE, not otherwise', () => {
    const secure = (env: Record<string, string>) => loadConfig(env).cookieSecure;
    expect(secure({})).toBe(false);
    expect(secure({ PUBLIC_URL: 'http://192.168.1.10:4000' })).toBe(false);
    expect(secure({ PUBLIC_URL: 'https://samverka.example' })).toBe(true);
    expect(secure({ PUBLIC_URL: 'https://samverka.example', COOKIE_SECURE: 'false' })).toBe(true);
    expect(secure({ COOKIE_SECURE: 'true' })).toBe(true);
  });
});
