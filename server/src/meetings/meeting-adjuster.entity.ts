import { type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import { Person } from '../accounts/person.entity.js';
import { Meeting } from './meeting.entity.js';

/** One of a meeting's one or two adjusters (justerare), who approve the minutes with the chair. */
@Entity({ tableName: 'meeting_adjuster' })
@Unique({ properties: ['meeting', 'person'] })
export class MeetingAdjuster {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade' })
  meeting!: Ref<Meeting>;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  @Index()
  person!: Ref<Person>;

  /** 1 or 2: the order in which they are named in the minutes. */
  @Property({ type: 'integer' })
  position!: number;
}
