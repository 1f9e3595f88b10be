import { randomUUID } from 'node:crypto';
import { type Ref, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { AgendaItemKind } from '@samverka/domain';
import { Node, toGlobalId } from '../graphql/node.js';
import { Forum } from '../forums/forum.entity.js';

/** One point of a forum's standard agenda (opening, election of adjusters, …), copied into each new meeting. */
@ObjectType({
  description: "One point of a forum's standard agenda, copied into every new meeting of the forum.",
  implements: Node,
})
@Entity({ tableName: 'standard_agenda_item' })
@Unique({ properties: ['forum', 'position'] })
export class StandardAgendaItem implements Node {
  [OptionalProps]?: 'globalId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('StandardAgendaItem', this.id);
  }

  @ManyToOne(() => Forum, { ref: true, deleteRule: 'cascade' })
  forum!: Ref<Forum>;

  @Field(() => Int, { description: 'Order in the standard agenda, from 1.' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => String, { description: 'Title of the item.' })
  @Property({ type: 'string', length: 300 })
  title!: string;

  @Field(() => AgendaItemKind, { description: 'What kind of item this is.' })
  @Enum({ items: () => AgendaItemKind, nativeEnumName: 'agenda_item_kind' })
  kind!: AgendaItemKind;

  @Field(() => String, { nullable: true, description: 'Who usually presents the item (föredragande).' })
  @Property({ type: 'string', length: 200, nullable: true })
  presenter?: string | null;

  @Field(() => String, { nullable: true, description: 'What the item is about.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => Int, { description: 'Minutes usually planned for the item.' })
  @Property({ type: 'integer' })
  plannedMinutes!: number;
}
