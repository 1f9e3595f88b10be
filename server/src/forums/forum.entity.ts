import { randomUUID } from 'node:crypto';
import { Collection, OptionalProps } from '@mikro-orm/core';
import { Entity, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../graphql/node.js';
import { CouncilSeat } from '../council/council-seat.entity.js';

/** A council or forum for dialogue between the municipality and civil society (seed 003's forum list). */
@ObjectType({
  description: 'A council or forum for dialogue between the municipality and civil society.',
  implements: Node,
})
@Entity({ tableName: 'forum' })
export class Forum implements Node {
  [OptionalProps]?: 'globalId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('Forum', this.id);
  }

  @Field(() => String, { description: 'Stable short name used in addresses.' })
  @Property({ type: 'string', length: 80, unique: true })
  slug!: string;

  @Field(() => String, { description: 'Name of the forum.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the forum is for.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => Boolean, { description: 'True when politicians take part (med politisk medverkan).' })
  @Property({ type: 'boolean' })
  withPoliticalParticipation!: boolean;

  /** The official who convenes it (sammankallande tjänsteperson). */
  @Field(() => String, {
    nullable: true,
    description: 'The official who convenes it (sammankallande tjänsteperson).',
  })
  @Property({ type: 'string', length: 200, nullable: true })
  convener?: string | null;

  @Field(() => String, { nullable: true, description: 'The responsible politician, with party.' })
  @Property({ type: 'string', length: 200, nullable: true })
  responsiblePolitician?: string | null;

  /** Order in the forum list. */
  @Property({ type: 'integer' })
  position!: number;

  @OneToMany(() => CouncilSeat, (seat) => seat.forum, { orderBy: { position: 'asc' } })
  seats = new Collection<CouncilSeat>(this);
}
