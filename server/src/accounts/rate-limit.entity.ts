import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One attempt at something rate-limited (sign-in, password reset), by key: `signin:pair:<ip>:<e-mail>`,
 * `signin:ip:<ip>`. Kept in PostgreSQL so every instance counts the same attempts.
 */
@Entity({ tableName: 'rate_limit_attempt' })
@Index({ properties: ['key', 'at'] })
export class RateLimitAttempt {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 300 })
  key!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at!: Date;
}
