import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Node, toGlobalId } from '../graphql/node.js';
import { Field, ObjectType, Int } from 'type-graphql';
import { SeatKind } from '@samverka/domain';
import { Forum } from '../forums/forum.entity.js';
import { Person } from '../accounts/person.entity.js';

/** A seat in a forum, such as one of Samverkansrådet's ten civil-society seats. */
@ObjectType({ description: 'A seat in a forum and who holds it.', implements: Node })
@Entity({ tableName: 'council_seat' })
export class CouncilSeat implements Node {
  [OptionalProps]?: 'globalId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('CouncilSeat', this.id);
  }

  @ManyToOne(() => Forum, { ref: true })
  @Index()
  forum!: Ref<Forum>;

  @Field(() => SeatKind, { description: 'Which part of the council the seat belongs to.' })
  @Enum({ items: () => SeatKind, nativeEnumName: 'seat_kind' })
  kind!: SeatKind;

  @Field(() => String, { description: "Name of the seat's holder." })
  @Property({ type: 'string', length: 200 })
  holderName!: string;

  @Field(() => String, { nullable: true, description: 'The organisation or party the holder represents.' })
  @Property({ type: 'string', length: 200, nullable: true })
  organisation?: string | null;

  /** The account of the seat's holder, when they have one. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  person?: Ref<Person> | null;

  @Field(() => Int, { description: "Order among the forum's seats." })
  @Property({ type: 'integer' })
  position!: number;

  /** When the holder left the seat; the limits of 10, 3 and 1 count seats without it. */
  @Property({ type: 'datetime', nullable: true })
  endedAt?: Date | null;
}
