import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '../src/db/embedded.js';
import { createLogger } from '../src/logger.js';

/** One real PostgreSQL cluster for the whole run; every test file creates its own database in it. */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('adminDatabaseUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverka-test-'));
  const db = await startEmbeddedDatabase(path.join(dir, 'pg'), createLogger('warn'), 'postgres');
  project.provide('adminDatabaseUrl', db.url);
  return async () => {
    await db.stop();
    await fs.rm(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}
