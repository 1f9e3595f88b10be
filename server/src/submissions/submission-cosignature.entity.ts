import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Party } from '../parties/party.entity.js';
import { Person } from '../accounts/person.entity.js';
import { Submission } from './submission.entity.js';

/** Another joined party standing behind (co-signing) a submitted matter. */
@Entity({ tableName: 'submission_cosignature' })
@Unique({ properties: ['submission', 'party'] })
export class SubmissionCosignature {
  [OptionalProps]?: 'signedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Submission, { ref: true, deleteRule: 'cascade' })
  submission!: Ref<Submission>;

  @ManyToOne(() => Party, { ref: true, deleteRule: 'cascade', index: true })
  party!: Ref<Party>;

  /** Who signed for the party; null once that person deleted their account. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  signedBy?: Ref<Person> | null;

  @Property({ type: 'datetime' })
  signedAt: Date = new Date();
}
