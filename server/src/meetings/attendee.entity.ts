import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { AttendanceChange, AttendanceState } from '@samverka/domain';
import { Person } from '../accounts/person.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Meeting } from './meeting.entity.js';

/**
 * Someone whose attendance a meeting records: a member of the forum (with their account) or another person
 * by name (a guest, an official without an account). Speakers are attendees too.
 */
@Entity({ tableName: 'meeting_attendee' })
@Unique({ properties: ['meeting', 'person'] })
export class Attendee {
  [OptionalProps]?: 'state' | 'presentAtStart';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade' })
  meeting!: Ref<Meeting>;

  /** Their account; null for a guest by name. The name stays, as the minutes name them. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  person?: Ref<Person> | null;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** The organisation or role they come for. */
  @Property({ type: 'string', length: 200, nullable: true })
  organisation?: string | null;

  /** The fold of their changes, kept here so the policy can ask who is present in one statement. */
  @Enum({ items: () => AttendanceState, nativeEnumName: 'attendance_state' })
  state: AttendanceState = AttendanceState.ABSENT;

  @Property({ type: 'boolean' })
  presentAtStart: boolean = false;
}

/** One change of someone's attendance, with when and, in a running meeting, at which item. */
@Entity({ tableName: 'attendance_record' })
@Index({ properties: ['attendee', 'recordedAt'] })
export class AttendanceRecord {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Attendee, { ref: true, deleteRule: 'cascade' })
  attendee!: Ref<Attendee>;

  @Enum({ items: () => AttendanceChange, nativeEnumName: 'attendance_change' })
  change!: AttendanceChange;

  @Property({ type: 'datetime' })
  recordedAt!: Date;

  /** The item that was current, when the meeting was running. */
  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'set null' })
  agendaItem?: Ref<AgendaItem> | null;
}
