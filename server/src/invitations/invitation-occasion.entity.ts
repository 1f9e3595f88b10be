import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { OccasionMode } from '@samverka/domain';
import { Node, toGlobalId } from '../graphql/node.js';
import { Invitation } from './invitation.entity.js';

/** One occasion of a dialogue invitation: a meeting, a workshop or a digital session, with its seats. */
@ObjectType({
  description: 'One occasion of a dialogue invitation: when, where, and how many seats.',
  implements: Node,
})
@Entity({ tableName: 'invitation_occasion' })
@Index({ properties: ['invitation', 'startsAt'] })
@Index({ properties: ['startsAt'] })
export class InvitationOccasion implements Node {
  [OptionalProps]?: 'globalId' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('InvitationOccasion', this.id);
  }

  @ManyToOne(() => Invitation, { ref: true, deleteRule: 'cascade' })
  invitation!: Ref<Invitation>;

  @Field(() => Date, { description: 'When it starts.' })
  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Field(() => Date, { description: 'When it ends.' })
  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Field(() => OccasionMode, { description: 'Digital, or at a place.' })
  @Enum({ items: () => OccasionMode, nativeEnumName: 'occasion_mode' })
  mode!: OccasionMode;

  @Field(() => String, { nullable: true, description: 'A digital occasion’s link.' })
  @Property({ type: 'string', length: 500, nullable: true })
  link?: string | null;

  @Field(() => String, { nullable: true, description: 'The place: address and room.' })
  @Property({ type: 'string', length: 300, nullable: true })
  place?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The place’s accessibility: entrance, lift, hearing loop.',
  })
  @Property({ type: 'text', nullable: true })
  accessibility?: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats; none: no limit.' })
  @Property({ type: 'integer', nullable: true })
  capacity?: number | null;

  @Field(() => LocalDateResolver, { description: 'The last day to register.' })
  @Property({ type: 'date' })
  registrationClosesOn!: string;

  /** Bumped under the row lock by every registration change: registrations serialize on it. */
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
