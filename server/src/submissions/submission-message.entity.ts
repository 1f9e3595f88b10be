import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { Person } from '../accounts/person.entity.js';
import { Submission } from './submission.entity.js';

/** Who reads a message about a matter. */
export enum SubmissionMessageVisibility {
  /** The conversation between the submitting party and the coordinator or handler. */
  CONVERSATION = 'CONVERSATION',
  /** An internal note: only the coordinator and the council see it. */
  INTERNAL_NOTE = 'INTERNAL_NOTE',
}
registerEnumType(SubmissionMessageVisibility, {
  name: 'SubmissionMessageVisibility',
  description: 'Who reads a message about a matter.',
  valuesConfig: {
    CONVERSATION: { description: 'The submitting party and the coordinator or handler.' },
    INTERNAL_NOTE: { description: 'Only the coordinator and the council.' },
  },
});

/** A message of a matter's conversation, or an internal note. */
@Entity({ tableName: 'submission_message' })
@Index({ properties: ['submission', 'visibility', 'postedAt'] })
export class SubmissionMessage {
  [OptionalProps]?: 'postedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Submission, { ref: true, deleteRule: 'cascade' })
  submission!: Ref<Submission>;

  @Enum({ items: () => SubmissionMessageVisibility, nativeEnumName: 'submission_message_visibility' })
  visibility!: SubmissionMessageVisibility;

  /** Null once the author deleted their account. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  author?: Ref<Person> | null;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'datetime' })
  postedAt: Date = new Date();
}
