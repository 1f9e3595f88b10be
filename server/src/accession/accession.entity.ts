import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AccessionStatus } from '@samverka/domain';
import { Node, toGlobalId } from '../graphql/node.js';
import { Party } from '../parties/party.entity.js';
import { Person } from '../accounts/person.entity.js';

/**
 * A party's request to join (anslutning), with its explicit affirmations, and what became of it: approved or
 * rejected by the coordinator, later withdrawn by the party or ended by exclusion.
 */
@ObjectType({ description: "A party's accession to the agreement (anslutning).", implements: Node })
@Entity({ tableName: 'accession' })
@Index({ properties: ['status', 'requestedAt'] })
export class Accession implements Node {
  [OptionalProps]?: 'globalId' | 'status' | 'requestedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('Accession', this.id);
  }

  @ManyToOne(() => Party, { ref: true, deleteRule: 'cascade' })
  @Index()
  party!: Ref<Party>;

  @Field(() => AccessionStatus, { description: 'Where the accession stands.' })
  @Enum({ items: () => AccessionStatus, nativeEnumName: 'accession_status' })
  status: AccessionStatus = AccessionStatus.REQUESTED;

  /** Who asked; null once that person deleted their account. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  requestedBy?: Ref<Person> | null;

  @Field(() => Date, { description: 'When the party asked to join.' })
  @Property({ type: 'datetime' })
  requestedAt: Date = new Date();

  /** The affirmations made when asking: democratically organised; the values; the principles; the commitments. */
  @Field(() => Boolean, { description: 'The party affirmed it is democratically organised.' })
  @Property({ type: 'boolean' })
  affirmsDemocraticOrganisation!: boolean;

  @Field(() => Boolean, { description: "The party affirmed the agreement's values (värdegrund)." })
  @Property({ type: 'boolean' })
  affirmsValues!: boolean;

  @Field(() => Boolean, { description: 'The party affirmed the six principles.' })
  @Property({ type: 'boolean' })
  affirmsPrinciples!: boolean;

  @Field(() => Boolean, { description: 'The party affirmed the six commitments.' })
  @Property({ type: 'boolean' })
  affirmsCommitments!: boolean;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  decidedBy?: Ref<Person> | null;

  @Field(() => Date, { nullable: true, description: 'When the coordinator decided, or the party withdrew.' })
  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The reason given with a rejection.' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  /** Bumped by every decision; decisions name the version they saw. */
  @Field(() => Number, { description: 'Optimistic-locking version.' })
  @Property({ type: 'integer' })
  version: number = 1;
}
