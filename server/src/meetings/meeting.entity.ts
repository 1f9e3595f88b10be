import { randomUUID } from 'node:crypto';
import { Collection, type Ref, OptionalProps } from '@mikro-orm/core';
import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
} from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, Int } from 'type-graphql';
import { Node, toGlobalId } from '../graphql/node.js';
import { MeetingStatus } from '@samverka/domain';
import { Forum } from '../forums/forum.entity.js';
import { Person } from '../accounts/person.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { MeetingAdjuster } from './meeting-adjuster.entity.js';

/** A forum's meeting (sammanträde) with its ordered agenda. */
@ObjectType({ description: 'A meeting (sammanträde) of a forum, with its ordered agenda.', implements: Node })
@Entity({ tableName: 'meeting' })
@Index({ properties: ['forum', 'startsAt'] })
// The calendar's upcoming and past lists split on the planned end.
@Index({ properties: ['forum', 'endsAt'] })
export class Meeting implements Node {
  [OptionalProps]?: 'globalId' | 'status' | 'version' | 'timerPaused' | 'speakersVersion';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('Meeting', this.id);
  }

  @ManyToOne(() => Forum, { ref: true })
  forum!: Ref<Forum>;

  @Field(() => String, { description: 'Title of the meeting.' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => Date, { description: 'When the meeting is planned to start.' })
  @Property({ type: 'datetime' })
  @Index()
  startsAt!: Date;

  @Field(() => Date, { description: 'When the meeting is planned to end.' })
  @Property({ type: 'datetime' })
  @Index()
  endsAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Where the meeting is held: the address of the place.',
  })
  @Property({ type: 'string', length: 200, nullable: true })
  location?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How accessible the place is: entrance, lift, hearing loop, toilets (tillgänglighet).',
  })
  @Property({ type: 'text', nullable: true })
  accessibility?: string | null;

  @Field(() => String, { nullable: true, description: 'The link to join the meeting digitally.' })
  @Property({ type: 'string', length: 500, nullable: true })
  digitalLink?: string | null;

  @Field(() => MeetingStatus, { description: 'Where the meeting is in its workflow.' })
  @Enum({ items: () => MeetingStatus, nativeEnumName: 'meeting_status' })
  status: MeetingStatus = MeetingStatus.DRAFT;

  /** Bumped by every chair action; actions name the version they saw so a lost race is refused. */
  @Field(() => Int, {
    description: 'Optimistic-locking version; send it back as expectedVersion with every chair action.',
  })
  @Property({ type: 'integer' })
  version: number = 1;

  @Field(() => Date, { nullable: true, description: 'When the chair started the meeting.' })
  @Property({ type: 'datetime', nullable: true })
  startedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the chair closed the meeting.' })
  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Field(() => Boolean, { description: "True while the chair has paused the current item's timer." })
  @Property({ type: 'boolean' })
  timerPaused: boolean = false;

  /** Bumped by attendance and speakers' list changes, which leave `version` alone so that a member asking
   * for the floor never makes a chair's action stale. */
  @Field(() => Int, {
    description:
      "Bumped by every change of attendance or the speakers' list (which do not bump version); with version, " +
      'tells which of two views of the meeting is newer.',
  })
  @Property({ type: 'integer' })
  speakersVersion: number = 0;

  /** Seconds each speaker may speak, for every item of the meeting; null for no limit. */
  @Property({ type: 'integer', nullable: true })
  speakingTimeLimitSeconds?: number | null;

  /** A short summary written after the meeting (protokoll). */
  @Field(() => String, {
    nullable: true,
    description: 'Summary of the minutes (protokoll), written after the meeting.',
  })
  @Property({ type: 'text', nullable: true })
  summary?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the meeting was cancelled.' })
  @Property({ type: 'datetime', nullable: true })
  cancelledAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the meeting was cancelled, as told to its members.',
  })
  @Property({ type: 'text', nullable: true })
  cancellationReason?: string | null;

  /** The meeting's chair (ordförande), who may run it besides the coordinator. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  chair?: Ref<Person> | null;

  /** One or two adjusters (justerare) who approve the minutes with the chair. */
  @OneToMany(() => MeetingAdjuster, (adjuster) => adjuster.meeting, { orderBy: { position: 'asc' } })
  adjusters = new Collection<MeetingAdjuster>(this);

  @OneToMany(() => AgendaItem, (item) => item.meeting, { orderBy: { position: 'asc' } })
  agenda = new Collection<AgendaItem>(this);
}
