import { randomUUID } from 'node:crypto';
import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { Meeting } from './meeting.entity.js';

/** Why a notice (kallelse) was mailed. */
export enum MeetingNoticeReason {
  PUBLISHED = 'PUBLISHED',
  CHANGED = 'CHANGED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(MeetingNoticeReason, {
  name: 'MeetingNoticeReason',
  description:
    'Why a notice (kallelse) was mailed: the agenda was published, changed, or the meeting cancelled.',
});

/**
 * One notice mailed for a meeting. Its sequence is the .ics SEQUENCE of that mailing: calendars replace an
 * event by a later one with the same UID only when its SEQUENCE is higher.
 */
@Entity({ tableName: 'meeting_notice' })
@Unique({ properties: ['meeting', 'sequence'] })
export class MeetingNotice {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade' })
  meeting!: Ref<Meeting>;

  /** 0 for the first notice of the meeting, one more for each one after it. */
  @Property({ type: 'integer' })
  sequence!: number;

  @Enum({ items: () => MeetingNoticeReason, nativeEnumName: 'meeting_notice_reason' })
  reason!: MeetingNoticeReason;

  /** How many people it was mailed to. */
  @Property({ type: 'integer' })
  recipients!: number;

  @Property({ type: 'datetime' })
  sentAt!: Date;
}
