import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The last registration number given in a series and year. Registering takes this row's lock (an upsert
 * incrementing `last` in the registering transaction), so numbers are gapless even when many register at
 * once: a rolled-back registration rolls its increment back with it.
 */
@Entity({ tableName: 'registration_counter' })
export class RegistrationCounter {
  @PrimaryKey({ type: 'string', length: 20 })
  series!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  last!: number;
}
