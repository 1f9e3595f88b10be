import { randomUUID } from 'node:crypto';
import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { Meeting } from '../meetings/meeting.entity.js';
import { Person } from '../accounts/person.entity.js';

/** A member's answer to a notice. */
export enum NoticeAnswerChoice {
  COMING = 'COMING',
  NOT_COMING = 'NOT_COMING',
}

registerEnumType(NoticeAnswerChoice, {
  name: 'NoticeAnswerChoice',
  description: 'Whether the person comes to the meeting (kommer / kommer inte).',
});

/** A person's answer to a meeting's notice (svar på kallelsen); changed until the meeting starts. */
@Entity({ tableName: 'notice_answer' })
@Unique({ properties: ['meeting', 'person'] })
export class NoticeAnswer {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade' })
  meeting!: Ref<Meeting>;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  @Index()
  person!: Ref<Person>;

  @Enum({ items: () => NoticeAnswerChoice, nativeEnumName: 'notice_answer_choice' })
  choice!: NoticeAnswerChoice;

  /** A short note to the chair, such as "kommer 18.30". */
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Property({ type: 'datetime' })
  answeredAt!: Date;
}
