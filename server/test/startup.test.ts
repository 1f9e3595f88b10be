import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { describe, expect, test } from 'vitest';
import { freshDatabaseUrl, until, upcomingMeeting, withClients } from './helpers.js';

const MAIN = path.resolve('src/main.ts');

interface Run {
  code: number | null;
  stderr: string;
}

/** Runs the real entry point as its own process. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.resume();
  const exited = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  return { child, exited };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// How fast a start fails depends on the machine's load (the server's modules take seconds of CPU to load), so
// these tests ask that it fails rather than hangs; the test's own time limit is the bound.
describe('bad start-up input gets a clear one-line error and a non-zero exit, never a hang', () => {
  test.each([
    [
      'an invalid configuration value',
      { PORT: 'eighty' },
      /invalid configuration: PORT must be a whole number/,
    ],
    ['a DATABASE_URL that is not a URL', { DATABASE_URL: 'not a url' }, /DATABASE_URL is not a valid URL/],
    [
      'an unreachable database',
      { DATABASE_URL: 'postgres://samverka:x@127.0.0.1:1/samverka' },
      /cannot connect to the database/,
    ],
  ])('%s', async (_name, env, message) => {
    const { exited } = start({ PORT: '0', ...env });
    const run = await exited;
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  test('a wrong password for DATABASE_URL', async () => {
    const url = new URL(await freshDatabaseUrl());
    url.password = 'wrong';
    const run = await start({ PORT: '0', DATABASE_URL: url.toString() }).exited;
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/cannot connect to the database: .*password/);
  });

  test('a port in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    const run = await start({ PORT: String(port), DATABASE_URL: await freshDatabaseUrl() }).exited;
    blocker.close();
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(`port ${port} .*already in use`));
    // The process migrates a fresh database before it tries the port.
  }, 60_000);
});

describe('the embedded database', () => {
  test('keeps data across a restart, shuts down gracefully and leaves no postgres behind', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverka-embedded-'));
    const dataDir = path.join(dir, 'pg');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), SAMVERKA_DATA_DIR: dataDir };
    const client = withClients({ url } as never);

    const first = start(env);
    await until(
      async () => (await fetch(`${url}/readyz`).catch(() => null))?.ok === true,
      40_000,
      'first start',
    );
    const cookie = await client.signIn('chair');
    const meeting = await upcomingMeeting(client);
    const started = await client.gql(
      'mutation($input: MeetingActionInput!) { startMeeting(input: $input) { errors { code } } }',
      { input: { meetingId: meeting.id, expectedVersion: meeting.version } },
      cookie,
    );
    expect(started.data!.startMeeting.errors).toEqual([]);
    const postmaster = Number(
      (await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
    );

    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => socket.on('open', resolve));
    const closeCode = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    first.child.kill('SIGTERM');
    const stopped = await first.exited;
    expect(stopped.code).toBe(0);
    expect(await closeCode).toBe(1001);
    expect(() => process.kill(postmaster, 0)).toThrow();

    const second = start(env);
    await until(
      async () => (await fetch(`${url}/readyz`).catch(() => null))?.ok === true,
      40_000,
      'second start',
    );
    const after = await client.gql('query($id: ID!) { meeting(id: $id) { status } }', { id: meeting.id });
    expect(after.data!.meeting.status).toBe('IN_PROGRESS');
    const forums = await client.gql('{ forums { totalCount } }');
    expect(forums.data!.forums.totalCount).toBe(12);
    second.child.kill('SIGINT');
    expect((await second.exited).code).toBe(0);
    await fs.rm(dir, { recursive: true, force: true });
  }, 120_000);
});
