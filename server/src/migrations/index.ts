import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123075606_initial } from './Migration20261123075606_initial.js';
import { Migration20261123084129_parties_and_accession } from './Migration20261123084129_parties_and_accession.js';
import { Migration20261202033000_live_event_retention } from './Migration20261202033000_live_event_retention.js';
import { Migration20261202061617_meeting_planning } from './Migration20261202061617_meeting_planning.js';
import { Migration20261202064000_forum_conveners_and_standard_agendas } from './Migration20261202064000_forum_conveners_and_standard_agendas.js';

/** Every migration, in order; listed explicitly so the same list works from TypeScript and from dist/. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123075606_initial', class: Migration20261123075606_initial },
  {
    name: 'Migration20261123084129_parties_and_accession',
    class: Migration20261123084129_parties_and_accession,
  },
  { name: 'Migration20261202033000_live_event_retention', class: Migration20261202033000_live_event_retention },
  { name: 'Migration20261202061617_meeting_planning', class: Migration20261202061617_meeting_planning },
  {
    name: 'Migration20261202064000_forum_conveners_and_standard_agendas',
    class: Migration20261202064000_forum_conveners_and_standard_agendas,
  },
];
