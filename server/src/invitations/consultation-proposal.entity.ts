import { randomUUID } from 'node:crypto';
import type { Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../graphql/node.js';
import { Invitation } from './invitation.entity.js';

/** One proposal a consultation asks about; responses support it, oppose it, or have no view. */
@ObjectType({ description: 'One proposal a consultation (remiss) asks about.', implements: Node })
@Entity({ tableName: 'consultation_proposal' })
@Unique({ properties: ['invitation', 'position'] })
export class ConsultationProposal implements Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('ConsultationProposal', this.id);
  }

  @ManyToOne(() => Invitation, { ref: true, deleteRule: 'cascade' })
  invitation!: Ref<Invitation>;

  @Field(() => Int, { description: 'Its number in the consultation, from 1.' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => String, { description: 'The proposal, briefly.' })
  @Property({ type: 'string', length: 300 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the proposal means.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;
}
