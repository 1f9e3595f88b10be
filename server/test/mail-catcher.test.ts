import fs from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startTestServer, type TestServer } from './helpers.js';
import { capturedLogger } from './log-capture.js';
import { isFromThisMachine } from '../src/mail/dev-mail.js';
import { expectInvitationKeptForRetry } from './mail-helpers.js';

describe('with MAIL_CATCHER=true (the demo)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ MAIL_CATCHER: 'true' });
  });
  afterAll(() => server?.close());

  test('/dev/mail answers on loopback, with a policy that allows only its own style', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/dev/mail`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  test('/dev/mail refuses a request that came through a proxy', async () => {
    const headers: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.7' },
      { forwarded: 'for=203.0.113.7' },
    ];
    for (const header of headers) {
      const res = await fetch(`http://127.0.0.1:${server.port}/dev/mail.json`, { headers: header });
      expect(res.status).toBe(403);
    }
  });

  // Tests send traffic to loopback only, so a client on another machine is given as the address it comes from.
  test('/dev/mail refuses a client that is not on this machine', () => {
    const request = (remoteAddress: string, headers: IncomingHttpHeaders = {}) =>
      isFromThisMachine({ socket: { remoteAddress } as Socket, headers });
    expect(request('127.0.0.1')).toBe(true);
    expect(request('::1')).toBe(true);
    expect(request('::ffff:127.0.0.1')).toBe(true);
    for (const remote of ['192.0.2.10', '10.1.2.3', '2001:db8::1', '::ffff:192.0.2.10', ''])
      expect(request(remote)).toBe(false);
    expect(request('127.0.0.1', { 'x-forwarded-for': '192.0.2.10' })).toBe(false);
  });
});

describe('without SMTP_URL and without MAIL_CATCHER', () => {
  let server: TestServer;
  const log = capturedLogger();
  beforeAll(async () => {
    server = await startTestServer({ MAIL_CATCHER: 'false' }, undefined, log.logger);
  });
  afterAll(() => server?.close());

  test('the start says plainly that mail is not sent', () => {
    const warning = log.lines().find((line) => /mail is not sent/.test(String(line.msg)));
    expect(warning?.level).toBe(40);
    expect(String(warning?.msg)).toMatch(/SMTP_URL/);
  });

  test('there is no /dev/mail', async () => {
    const res = await fetch(`${server.url}/dev/mail.json`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(404);
  });

  test('mail that cannot be sent waits in the outbox instead of vanishing: the invitation is recorded and its mail retried', async () => {
    await expectInvitationKeptForRetry(server);
  });
});

describe('configuration', () => {
  test('the catcher is off unless asked for', () => {
    expect(loadConfig({}).mailCatcher).toBe(false);
    expect(loadConfig({ MAIL_CATCHER: 'true' }).mailCatcher).toBe(true);
  });

  test('SMTP_URL and MAIL_CATCHER together are refused', () => {
    expect(() => loadConfig({ MAIL_CATCHER: 'true', SMTP_URL: 'smtp://mail.example:25' })).toThrow(
      /MAIL_CATCHER/,
    );
  });

  test('`pnpm demo` asks for the catcher', () => {
    const root = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'),
    ) as { scripts: Record<string, string> };
    expect(root.scripts.demo).toMatch(/MAIL_CATCHER=true/);
  });
});
