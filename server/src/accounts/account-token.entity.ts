import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MembershipRole } from '@samverka/domain';
import { Person } from './person.entity.js';
import { Party } from '../parties/party.entity.js';

export enum AccountTokenPurpose {
  PASSWORD_RESET = 'PASSWORD_RESET',
  INVITATION = 'INVITATION',
}

/**
 * A single-use token sent by e-mail: a password reset for a person, or an invitation into a party. Only a
 * hash is stored.
 */
@Entity({ tableName: 'account_token' })
export class AccountToken {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Enum({ items: () => AccountTokenPurpose, nativeEnumName: 'account_token_purpose' })
  purpose!: AccountTokenPurpose;

  /** Where the token was sent. */
  @Property({ type: 'string', length: 254 })
  @Index()
  email!: string;

  /** The person a reset is for. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'cascade' })
  person?: Ref<Person> | null;

  /** The party an invitation is into. */
  @ManyToOne(() => Party, { ref: true, nullable: true, deleteRule: 'cascade' })
  party?: Ref<Party> | null;

  @Enum({ items: () => MembershipRole, nativeEnumName: 'membership_role', nullable: true })
  role?: MembershipRole | null;

  /** Who sent an invitation. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<Person> | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt?: Date | null;
}
