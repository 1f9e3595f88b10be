import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { SpeakerStatus } from '@samverka/domain';
import { AgendaItem } from './agenda-item.entity.js';
import { Attendee } from './attendee.entity.js';
import { Meeting } from './meeting.entity.js';

/**
 * One request for the floor on an agenda item (a line of the talarlista). `number` orders the list: it is
 * given under the meeting's row lock, so requests made at the same instant still get one order. The
 * migration adds two partial unique indexes: one speaker per meeting at a time, and one open request per
 * attendee and item.
 */
@Entity({ tableName: 'speaker' })
@Unique({ properties: ['meeting', 'number'] })
export class Speaker {
  [OptionalProps]?: 'status' | 'requestedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade' })
  meeting!: Ref<Meeting>;

  @ManyToOne(() => AgendaItem, { ref: true, deleteRule: 'cascade' })
  agendaItem!: Ref<AgendaItem>;

  @ManyToOne(() => Attendee, { ref: true, deleteRule: 'cascade' })
  attendee!: Ref<Attendee>;

  @Property({ type: 'integer' })
  number!: number;

  @Enum({ items: () => SpeakerStatus, nativeEnumName: 'speaker_status' })
  status: SpeakerStatus = SpeakerStatus.WAITING;

  @Property({ type: 'datetime' })
  requestedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  startedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  endedAt?: Date | null;
}
