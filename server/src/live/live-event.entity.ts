import { BigIntType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The record of every live event, with a monotonically increasing sequence: subscribers that reconnect
 * replay from it what they missed. Written in the same transaction as the change it reports.
 */
@Entity({ tableName: 'live_event' })
@Index({ properties: ['topic', 'sequence'] })
export class LiveEvent {
  // Read as a string, as before MikroORM 7 (whose bigint type now defaults to a JS bigint).
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  sequence!: string;

  /** What the event is about, e.g. `meeting:<uuid>`. */
  @Property({ type: 'string', length: 120 })
  topic!: string;

  @Property({ type: 'string', length: 60 })
  kind!: string;

  @Property({ type: 'uuid', nullable: true })
  subjectId?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt!: Date;
}
