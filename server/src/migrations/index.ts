import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123075606_initial } from './Migration20261123075606_initial.js';

/** Every migration, in order; listed explicitly so the same list works from TypeScript and from dist/. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123075606_initial', class: Migration20261123075606_initial },
];
