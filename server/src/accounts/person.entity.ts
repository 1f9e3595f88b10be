import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Someone who can sign in. Registration and party membership come with the accounts feature. */
@Entity({ tableName: 'person' })
export class Person {
  [OptionalProps]?: 'isCoordinator' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Stored lower-case so sign-in is case-insensitive. */
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  /** The municipality's coordinator for civil-society questions (samordnare): administers Samverka. */
  @Property({ type: 'boolean', default: false })
  isCoordinator: boolean = false;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
