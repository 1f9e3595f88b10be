import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Node, toGlobalId } from '../graphql/node.js';
import { PrincipleKey } from '@samverka/domain';

@ObjectType({ description: 'One of the six principles of collaboration.' })
export class Principle {
  @Field(() => PrincipleKey, { description: 'Stable key; the client shows its translated name.' })
  key!: PrincipleKey;

  @Field(() => String, { description: 'Name as written in the agreement (Swedish).' })
  name!: string;

  @Field(() => String, { description: 'What the principle means, as written in the agreement (Swedish).' })
  description!: string;
}

@ObjectType({ description: 'One of the long-term commitments the parties make.' })
export class Commitment {
  @Field(() => Int, { description: 'Order in the agreement, from 1.' })
  position!: number;

  @Field(() => String, { description: 'The commitment as written in the agreement (Swedish).' })
  text!: string;
}

/**
 * The agreement (Överenskommelsen). Its principles and commitments are fixed document text, kept as JSON
 * beside it rather than as tables, since nothing refers to them by row.
 */
@ObjectType({
  description: 'The agreement on collaboration (Överenskommelsen) and its content.',
  implements: Node,
})
@Entity({ tableName: 'agreement' })
export class Agreement implements Node {
  [OptionalProps]?: 'globalId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('Agreement', this.id);
  }

  @Field(() => String, { description: 'Full title of the agreement.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { description: 'Registration number (diarienummer), e.g. Ks 1132/2023.' })
  @Property({ type: 'string', length: 40, unique: true })
  registrationNumber!: string;

  @Field(() => LocalDateResolver, { description: 'When the municipal council adopted it.' })
  @Property({ type: 'date' })
  adoptedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When Samverkansrådet endorsed it.' })
  @Property({ type: 'date', nullable: true })
  endorsedByCouncilOn?: string | null;

  @Field(() => Int, { description: 'First year of validity.' })
  @Property({ type: 'integer' })
  validFromYear!: number;

  @Field(() => Int, { description: 'Last year of validity.' })
  @Property({ type: 'integer' })
  validToYear!: number;

  @Field(() => String, { description: 'Summary (sammanfattning).' })
  @Property({ type: 'text' })
  summary!: string;

  @Field(() => String, { description: 'The shared values (värdegrund).' })
  @Property({ type: 'text' })
  values!: string;

  @Field(() => [Principle], { description: 'The six principles of collaboration.' })
  @Property({ type: 'json' })
  principles!: Principle[];

  @Field(() => [Commitment], { description: 'The long-term commitments of the parties.' })
  @Property({ type: 'json' })
  commitments!: Commitment[];
}
