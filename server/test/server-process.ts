import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { until } from './helpers.js';

const MAIN = path.resolve('src/main.ts');

export interface Run {
  code: number | null;
  stderr: string;
  ms: number;
}

/** Runs the real entry point as its own process. */
export function startProcess(env: Record<string, string>) {
  const began = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.resume();
  const exited = new Promise<Run>((resolve) =>
    child.on('exit', (code) => resolve({ code, stderr, ms: Date.now() - began })),
  );
  return {
    child,
    exited,
    get stderr() {
      return stderr;
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Whether a process runs (signal 0 only asks). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A server process with its own embedded PostgreSQL in a fresh folder, ready to serve. */
export async function startEmbeddedServer(env: Record<string, string> = {}) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverka-process-'));
  const dataDir = path.join(dir, 'pg');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const ready = async (run: ReturnType<typeof startProcess>) => {
    await until(async () => (await fetch(`${url}/readyz`).catch(() => null))?.ok === true, 60_000, 'start');
    return run;
  };
  const run = await ready(startProcess({ PORT: String(port), SAMVERKA_DATA_DIR: dataDir, ...env }));
  return {
    ...run,
    url,
    dataDir,
    /** Starts the server again on the same folder and port, ready to serve. */
    restart: (more: Record<string, string> = {}) =>
      ready(startProcess({ PORT: String(port), SAMVERKA_DATA_DIR: dataDir, ...env, ...more })),
    /** The URL of the embedded database, for looking into it from the test. */
    async databaseUrl(): Promise<string> {
      const lines = (await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
      return `postgres://samverka:samverka-embedded@127.0.0.1:${lines[3]}/samverka`;
    },
    /** The pid of the embedded postmaster, from its pid file. */
    async postmasterPid(): Promise<number> {
      return Number((await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    },
    remove: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

export interface Answer {
  /** The HTTP status of a complete answer, or the error code of a request that got none. */
  outcome: number | string;
  body: string;
}

/** POSTs GraphQL over a connection of its own (no keep-alive), reading the answer to its end. */
export function postGraphQL(url: string, query: string, cookie?: string): Promise<Answer> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ query });
    const request = http.request(
      `${url}/graphql`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(cookie ? { cookie } : {}),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ outcome: response.statusCode!, body: text }));
        response.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ outcome: error.code ?? error.message, body: text }),
        );
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ outcome: error.code ?? error.message, body: '' }),
    );
    request.end(body);
  });
}
