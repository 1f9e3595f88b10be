import { randomUUID } from 'node:crypto';
import { Collection, OptionalProps } from '@mikro-orm/core';
import { Entity, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, Int } from 'type-graphql';
import { Node, toGlobalId } from '../graphql/node.js';
import { Activity } from './activity.entity.js';

/** The two-year activity plan (aktivitetsplan), an appendix to the agreement. */
@ObjectType({ description: 'The two-year activity plan (aktivitetsplan).', implements: Node })
@Entity({ tableName: 'activity_plan' })
export class ActivityPlan implements Node {
  [OptionalProps]?: 'globalId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('ActivityPlan', this.id);
  }

  @Field(() => String, { description: 'Title of the plan.' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => Int, { description: 'First year of the plan.' })
  @Property({ type: 'integer' })
  startYear!: number;

  @Field(() => Int, { description: 'Last year of the plan.' })
  @Property({ type: 'integer' })
  endYear!: number;

  @OneToMany(() => Activity, (activity) => activity.plan, { orderBy: { number: 'asc' } })
  activities = new Collection<Activity>(this);
}
