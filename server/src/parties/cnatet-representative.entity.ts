import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Person } from '../accounts/person.entity.js';
import { Party } from './party.entity.js';

/** A department's representative in C-nätet, the municipality's network with one person per department. */
@Entity({ tableName: 'cnatet_representative' })
export class CNatetRepresentative {
  [OptionalProps]?: 'appointedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** One representative per department: unique. */
  @ManyToOne(() => Party, { ref: true, unique: true, deleteRule: 'cascade' })
  department!: Ref<Party>;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @Property({ type: 'datetime' })
  appointedAt: Date = new Date();
}
