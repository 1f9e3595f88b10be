import { randomUUID } from 'node:crypto';
import { type Ref, OptionalProps } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, Int } from 'type-graphql';
import { Node, toGlobalId } from '../graphql/node.js';
import { ActivityPlan } from './activity-plan.entity.js';

/** One numbered activity of the plan: who is responsible (Ansvarig) and who carries it out (Genomförande). */
@ObjectType({ description: 'An activity of the plan.', implements: Node })
@Entity({ tableName: 'activity' })
@Unique({ properties: ['plan', 'number'] })
export class Activity implements Node {
  [OptionalProps]?: 'globalId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('Activity', this.id);
  }

  @ManyToOne(() => ActivityPlan, { ref: true })
  plan!: Ref<ActivityPlan>;

  @Field(() => Int, { description: 'Number of the activity in the plan.' })
  @Property({ type: 'integer' })
  number!: number;

  @Field(() => String, { description: 'What is to be done.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { description: 'Who is responsible (Ansvarig).' })
  @Property({ type: 'string', length: 200 })
  responsible!: string;

  @Field(() => String, { nullable: true, description: 'Who carries it out (Genomförande).' })
  @Property({ type: 'text', nullable: true })
  carriedOutBy?: string | null;

  @Field(() => String, { nullable: true, description: 'Comment (Kommentar).' })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;
}
