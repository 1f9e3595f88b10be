import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Language } from '@samverka/domain';

/** Someone who can sign in. Registration and party membership come with the accounts feature. */
@Entity({ tableName: 'person' })
export class Person {
  [OptionalProps]?: 'isCoordinator' | 'createdAt' | 'language';

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

  /** The language of the person's mails and notifications: the one they last chose in the client. */
  @Enum({ items: () => Language, nativeEnumName: 'language', default: Language.SV })
  language: Language = Language.SV;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
