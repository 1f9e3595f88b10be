import pg from 'pg';
import type { Logger } from '../logger.js';
import type { EmbeddedDatabase } from './embedded.js';

export interface DatabaseWatchOptions {
  databaseUrl: string;
  /** The embedded PostgreSQL, restarted when it dies; null for a DATABASE_URL, which is only watched. */
  embedded: EmbeddedDatabase | null;
  /** How long the database may stay gone before the server gives up. */
  recoveryMs: number;
  log: Logger;
  /** The embedded PostgreSQL died: what was connected to it must reconnect. */
  onLost(): void;
  /** The database stayed gone past recoveryMs: one line saying why, for a supervisor to restart the server. */
  onGiveUp(message: string): void;
}

const PROBE_INTERVAL_MS = 5000;

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/**
 * Keeps the server's database there. The embedded PostgreSQL is restarted as soon as it exits; a database of
 * DATABASE_URL is probed, since only its operator can bring it back. Either way the server gives up when the
 * database stays gone longer than recoveryMs, rather than answering errors for ever.
 */
export function watchDatabase(options: DatabaseWatchOptions) {
  const { embedded, recoveryMs, log } = options;
  let available = true;
  let stopped = false;
  let probe: NodeJS.Timeout | null = null;

  async function restart(reason: string) {
    available = false;
    log.error({ reason }, 'the embedded PostgreSQL is gone; restarting it');
    options.onLost();
    const deadline = Date.now() + recoveryMs;
    for (let attempt = 0; !stopped; attempt++) {
      try {
        await embedded!.restart();
        available = true;
        log.warn('the embedded PostgreSQL was restarted');
        return;
      } catch (error) {
        // Backends of the killed postmaster may still hold its shared memory for a moment.
        if (Date.now() >= deadline) {
          options.onGiveUp(
            `${reason} and could not be restarted within ${recoveryMs} ms: ${firstLine(error)}`,
          );
          return;
        }
        await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** attempt, 5000)));
      }
    }
  }

  async function reachable(): Promise<string | null> {
    const client = new pg.Client({
      connectionString: options.databaseUrl,
      connectionTimeoutMillis: PROBE_INTERVAL_MS,
      query_timeout: PROBE_INTERVAL_MS,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      return firstLine(error);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  function watchExternal() {
    const { host } = new URL(options.databaseUrl);
    const interval = Math.min(PROBE_INTERVAL_MS, recoveryMs / 3);
    let goneSince: number | null = null;
    const check = async () => {
      const problem = await reachable();
      if (stopped) return;
      if (problem === null) {
        if (goneSince !== null) log.warn('the database is reachable again');
        goneSince = null;
        available = true;
      } else if (goneSince === null) {
        goneSince = Date.now();
        available = false;
        log.error({ err: problem }, 'the database is unreachable');
      } else if (Date.now() - goneSince >= recoveryMs) {
        options.onGiveUp(`the database at ${host} has been unreachable for ${recoveryMs} ms: ${problem}`);
        return;
      }
      probe = setTimeout(() => void check(), interval);
    };
    probe = setTimeout(() => void check(), interval);
  }

  if (embedded) embedded.onUnexpectedExit((reason) => void restart(reason));
  else watchExternal();

  return {
    /** False while the database is known to be gone (readiness says 503). */
    get available() {
      return available;
    },
    stop() {
      stopped = true;
      if (probe) clearTimeout(probe);
    },
  };
}
