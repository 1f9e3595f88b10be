/* Prints schema/schema.graphql from the resolvers; with --check, fails when the file has drifted. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { printSchema } from 'graphql';
import { buildAppSchema } from '../graphql/schema.js';
import { repoRoot } from '../config.js';

const file = path.join(repoRoot, 'schema', 'schema.graphql');
const printed = `${printSchema(await buildAppSchema())}\n`;

if (process.argv.includes('--check')) {
  const current = await fs.readFile(file, 'utf8').catch(() => '');
  if (current !== printed) {
    console.error('schema/schema.graphql is out of date: run `pnpm schema:print` and commit it.');
    process.exit(1);
  }
  console.log('schema/schema.graphql matches the resolvers.');
} else {
  await fs.writeFile(file, printed);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
