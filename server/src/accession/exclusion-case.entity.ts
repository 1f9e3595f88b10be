import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { ExclusionCaseStatus } from '@samverka/domain';
import { Node, toGlobalId } from '../graphql/node.js';
import { Party } from '../parties/party.entity.js';
import { Person } from '../accounts/person.entity.js';

/**
 * A case for excluding a party that actively works against the agreement (activity 5): the coordinator's
 * documented grounds, the party's response, Samverkansrådet's decision. Its history stays for the coordinator.
 */
@ObjectType({ description: 'A case for excluding a party (uteslutning).', implements: Node })
@Entity({ tableName: 'exclusion_case' })
export class ExclusionCase implements Node {
  [OptionalProps]?: 'globalId' | 'status' | 'openedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('ExclusionCase', this.id);
  }

  @ManyToOne(() => Party, { ref: true, deleteRule: 'cascade' })
  @Index()
  party!: Ref<Party>;

  @Field(() => ExclusionCaseStatus, { description: 'Where the case stands.' })
  @Enum({ items: () => ExclusionCaseStatus, nativeEnumName: 'exclusion_case_status' })
  status: ExclusionCaseStatus = ExclusionCaseStatus.OPEN;

  @Field(() => String, {
    description: 'The documented grounds that the party actively works against the agreement.',
  })
  @Property({ type: 'text' })
  grounds!: string;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  openedBy?: Ref<Person> | null;

  @Field(() => Date, { description: 'When the case was opened.' })
  @Property({ type: 'datetime' })
  openedAt: Date = new Date();

  @Field(() => String, { nullable: true, description: "The party's response." })
  @Property({ type: 'text', nullable: true })
  partyResponse?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the party responded.' })
  @Property({ type: 'datetime', nullable: true })
  respondedAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Samverkansrådet's decision, as recorded." })
  @Property({ type: 'text', nullable: true })
  councilDecision?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the decision was recorded.' })
  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;

  @Field(() => Number, { description: 'Optimistic-locking version.' })
  @Property({ type: 'integer' })
  version: number = 1;
}
