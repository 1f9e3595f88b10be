import { randomUUID } from 'node:crypto';
import { type Ref, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, Int } from 'type-graphql';
import { Node, toGlobalId } from '../graphql/node.js';
import { AgendaItemKind, AgendaItemStatus } from '@samverka/domain';
import { Meeting } from './meeting.entity.js';
import { Activity } from '../activity-plan/activity.entity.js';

/** One point of a meeting's agenda (dagordningspunkt), with its outcome and its timer. */
@ObjectType({ description: "One point of a meeting's agenda (dagordningspunkt).", implements: Node })
@Entity({ tableName: 'agenda_item' })
@Unique({ properties: ['meeting', 'position'] })
export class AgendaItem implements Node {
  [OptionalProps]?: 'globalId' | 'status' | 'elapsedSeconds';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('AgendaItem', this.id);
  }

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade' })
  meeting!: Ref<Meeting>;

  @Field(() => Int, { description: 'Order in the agenda, from 1.' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => String, { description: 'Title of the item.' })
  @Property({ type: 'string', length: 300 })
  title!: string;

  @Field(() => AgendaItemKind, { description: 'What kind of item this is.' })
  @Enum({ items: () => AgendaItemKind, nativeEnumName: 'agenda_item_kind' })
  kind!: AgendaItemKind;

  @Field(() => String, { nullable: true, description: 'Who presents the item (föredragande).' })
  @Property({ type: 'string', length: 200, nullable: true })
  presenter?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the item is about: background and what is asked of the meeting.',
  })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => Int, { description: 'Minutes planned for the item.' })
  @Property({ type: 'integer' })
  plannedMinutes!: number;

  @Field(() => AgendaItemStatus, { description: 'Where the item is in the meeting.' })
  @Enum({ items: () => AgendaItemStatus, nativeEnumName: 'agenda_item_status' })
  status: AgendaItemStatus = AgendaItemStatus.PENDING;

  /** The activity of the plan this item follows up, if any. */
  @ManyToOne(() => Activity, { ref: true, nullable: true, deleteRule: 'set null' })
  activity?: Ref<Activity> | null;

  @Field(() => String, { nullable: true, description: 'The decision recorded for the item (beslut).' })
  @Property({ type: 'text', nullable: true })
  decision?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The minute recorded for the item (protokollsanteckning).',
  })
  @Property({ type: 'text', nullable: true })
  minute?: string | null;

  /** Seconds the item has been current, up to timerStartedAt. */
  @Field(() => Int, {
    description: 'Seconds the item has been current, not counting the running stretch since timerStartedAt.',
  })
  @Property({ type: 'integer' })
  elapsedSeconds: number = 0;

  @Field(() => Date, {
    nullable: true,
    description: "When the item's timer last started; null while paused or not current.",
  })
  @Property({ type: 'datetime', nullable: true })
  timerStartedAt?: Date | null;
}
