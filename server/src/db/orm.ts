import {
  DataloaderType,
  DefaultLogger,
  MikroORM,
  type LogContext,
  type Options,
} from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities.js';
import { migrationsList } from '../migrations/index.js';
import type { Logger } from '../logger.js';

/** Counts SQL statements sent to PostgreSQL, for the benchmark and the N+1 tests. */
export const sqlCounter = { statements: 0 };

/**
 * Every statement the ORM sends reaches its logger, BEGIN and COMMIT included (which `onQuery` does not
 * see), whether or not debug output is enabled; counting there keeps the count what PostgreSQL receives.
 */
class CountingLogger extends DefaultLogger {
  override logQuery(context: { query: string } & LogContext): void {
    if ((context.namespace ?? 'query') === 'query') sqlCounter.statements++;
    super.logQuery(context);
  }
}

export function ormOptions(clientUrl: string): Options {
  return {
    clientUrl,
    entities,
    extensions: [Migrator],
    // Collections and references loaded while resolving a list are batched into one query per relation.
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: true },
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    pool: { min: 0, max: 20 },
    allowGlobalContext: false,
    debug: false,
    loggerFactory: (options) => new CountingLogger(options),
  };
}

/** Connects, failing within a few seconds with a clear message when the database cannot be reached. */
export async function connectOrm(clientUrl: string, log: Logger): Promise<MikroORM> {
  // The connection is made lazily, by the first statement.
  const orm = await MikroORM.init({
    ...ormOptions(clientUrl),
    driverOptions: { connectionTimeoutMillis: 5000 },
  });
  try {
    await orm.em.getConnection().execute('select 1');
  } catch (error) {
    await orm.close(true).catch(() => undefined);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`cannot connect to the database: ${reason}`);
  }
  log.debug('database connected');
  return orm;
}

export async function migrate(orm: MikroORM, log: Logger): Promise<void> {
  const applied = await orm.migrator.up();
  if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
}
