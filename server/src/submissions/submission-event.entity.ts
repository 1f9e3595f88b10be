import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { SubmissionAction, SubmissionStatus } from '@samverka/domain';
import { Person } from '../accounts/person.entity.js';
import { Party } from '../parties/party.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { Submission } from './submission.entity.js';

/**
 * One entry of a matter's timeline: a step of the workflow (with the status before and after), a co-signature,
 * the scheduling with its agenda item, the answer, or a public comment (`action` null). Written in the
 * transaction of the change, so the timeline never misses a status change.
 */
@Entity({ tableName: 'submission_event' })
@Index({ properties: ['submission', 'occurredAt'] })
export class SubmissionEvent {
  [OptionalProps]?: 'occurredAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Submission, { ref: true, deleteRule: 'cascade' })
  submission!: Ref<Submission>;

  /** The workflow step taken; null for a public comment. */
  @Enum({ items: () => SubmissionAction, nativeEnumName: 'submission_action', nullable: true })
  action?: SubmissionAction | null;

  @Enum({ items: () => SubmissionStatus, nativeEnumName: 'submission_status', nullable: true })
  fromStatus?: SubmissionStatus | null;

  @Enum({ items: () => SubmissionStatus, nativeEnumName: 'submission_status', nullable: true })
  toStatus?: SubmissionStatus | null;

  /** Who took the step; null for the meeting's decision, or once the person deleted their account. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  actor?: Ref<Person> | null;

  /** The party the actor acted for (a co-signing party, the referred department). */
  @ManyToOne(() => Party, { ref: true, nullable: true, deleteRule: 'set null' })
  party?: Ref<Party> | null;

  /** The reason, the answer, or the comment. */
  @Property({ type: 'text', nullable: true })
  text?: string | null;

  /** The agenda item of a scheduling or a meeting's answer. */
  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'set null' })
  agendaItem?: Ref<AgendaItem> | null;

  @Property({ type: 'datetime' })
  occurredAt: Date = new Date();
}
