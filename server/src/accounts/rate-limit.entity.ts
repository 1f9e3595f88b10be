import { BigIntType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * One attempt at something rate-limited (sign-in, password reset), by key: `signin:pair:<ip>:<e-mail>`,
 * `signin:ip:<ip>`. Kept in PostgreSQL so every instance counts the same attempts.
 */
@Entity({ tableName: 'rate_limit_attempt' })
@Index({ properties: ['key', 'at'] })
export class RateLimitAttempt {
  // Read as a string, as before MikroORM 7 (whose bigint type now defaults to a JS bigint).
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 300 })
  key!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at!: Date;
}
