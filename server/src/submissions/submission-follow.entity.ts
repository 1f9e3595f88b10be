import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Person } from '../accounts/person.entity.js';
import { Submission } from './submission.entity.js';

/**
 * A person following a matter: told of each step. The submitting party's people follow theirs without a row;
 * a row with `following` false records that one of them stopped.
 */
@Entity({ tableName: 'submission_follow' })
@Unique({ properties: ['person', 'submission'] })
export class SubmissionFollow {
  [OptionalProps]?: 'since' | 'following';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @ManyToOne(() => Submission, { ref: true, deleteRule: 'cascade', index: true })
  submission!: Ref<Submission>;

  @Property({ type: 'boolean', default: true })
  following: boolean = true;

  @Property({ type: 'datetime' })
  since: Date = new Date();
}
