/* Writes a migration for the difference between the entities and a fresh database built by the previous ones. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from './orm.js';
import { startEmbeddedDatabase } from './embedded.js';
import { createLogger } from '../logger.js';

const log = createLogger('info');
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverka-migration-'));
const db = await startEmbeddedDatabase(path.join(dir, 'pg'), log);
try {
  const orm = await MikroORM.init({
    ...ormOptions(db.url),
    migrations: {
      ...ormOptions(db.url).migrations,
      path: path.resolve('src/migrations'),
      pathTs: path.resolve('src/migrations'),
      emit: 'ts',
      fileName: (ts: string, name?: string) => `Migration${ts}${name ? '_' + name : ''}`,
    },
  });
  const migrator = orm.migrator;
  await migrator.up();
  const result = await migrator.create(undefined, false, false, process.argv[2]);
  log.info(
    { file: result.fileName, changes: result.diff.up.length },
    'migration written; add it to src/migrations/index.ts',
  );
  await orm.close();
} finally {
  await db.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
