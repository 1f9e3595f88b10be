import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PORT = Number(process.env.E2E_PORT ?? 4455);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
/** The specs' mailbox (mailbox.ts), which the server sends its mail to. */
export const SMTP_PORT = PORT + 1000;
export const SMTP_URL = `smtp://samverka:e2e-smtp-password@127.0.0.1:${SMTP_PORT}`;
const STATE = path.join(os.tmpdir(), `samverka-e2e-${PORT}.json`);

interface State {
  pid: number;
  dataDir: string;
}

function readState(): State | null {
  try {
    return JSON.parse(fs.readFileSync(STATE, 'utf8')) as State;
  } catch {
    return null;
  }
}

/** The process id of the server the specs run against. */
export function serverPid(): number | undefined {
  return readState()?.pid;
}

/** Starts the built server (server/dist) with an embedded database in dataDir, detached so any spec can restart it. */
export async function startServer(
  dataDir = readState()?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-e2e-')),
) {
  const log = fs.openSync(path.join(dataDir, 'server.log'), 'a');
  const child = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], {
    env: {
      ...process.env,
      PORT: String(PORT),
      PUBLIC_URL: BASE_URL,
      SMTP_URL,
      SAMVERKA_DATA_DIR: path.join(dataDir, 'pg'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', log, log],
    detached: true,
  });
  child.unref();
  fs.writeFileSync(STATE, JSON.stringify({ pid: child.pid, dataDir }));
  await waitFor(async () => (await fetch(`${BASE_URL}/readyz`).catch(() => null))?.ok === true, 60_000);
}

/** Stops the server with SIGTERM and waits until it has exited. */
export async function stopServer(): Promise<void> {
  const state = readState();
  if (!state) return;
  try {
    process.kill(state.pid, 'SIGTERM');
  } catch {
    return;
  }
  await waitFor(() => {
    try {
      process.kill(state.pid, 0);
      return false;
    } catch {
      return true;
    }
  }, 20_000);
}

export function removeServerData(): void {
  const state = readState();
  if (state) fs.rmSync(state.dataDir, { recursive: true, force: true });
  fs.rmSync(STATE, { force: true });
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the Samverka server');
    await new Promise((r) => setTimeout(r, 100));
  }
}
