import { randomUUID } from 'node:crypto';
import { type Ref, OptionalProps } from '@mikro-orm/core';
import { Entity, Formula, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Person } from './person.entity.js';

/** A signed-in browser. Only a hash of the cookie's token is stored, so a database leak opens no sessions. */
@Entity({ tableName: 'session' })
export class Session {
  [OptionalProps]?: 'createdAt' | 'convenes';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  @Index()
  person!: Ref<Person>;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /**
   * The forums whose meetings the person convenes (forum_convener), read in the session's own statement so
   * that the viewer carries them and no policy check costs a statement.
   */
  @Formula(
    (cols) =>
      `(select coalesce(array_agg(fc.forum_id::text), '{}') from forum_convener fc where fc.person_id = ${cols}.person_id)`,
    { type: 'string[]', lazy: false },
  )
  convenes: string[] = [];
}
