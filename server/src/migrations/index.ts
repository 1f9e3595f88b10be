import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123075606_initial } from './Migration20261123075606_initial.js';
import { Migration20261123084129_parties_and_accession } from './Migration20261123084129_parties_and_accession.js';

/** Every migration, in order; listed explicitly so the same list works from TypeScript and from dist/. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123075606_initial', class: Migration20261123075606_initial },
  {
    name: 'Migration20261123084129_parties_and_accession',
    class: Migration20261123084129_parties_and_accession,
  },
];
