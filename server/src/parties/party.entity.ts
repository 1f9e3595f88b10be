import { randomUUID } from 'node:crypto';
import { Collection, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { PartyKind } from '@samverka/domain';
import { Node, toGlobalId } from '../graphql/node.js';
import { Membership } from './membership.entity.js';

/** An organisation in the agreement or on its way in: civil society or municipal (part). */
@ObjectType({
  description: 'An organisation that has joined the agreement or asks to (part).',
  implements: Node,
})
@Entity({ tableName: 'party' })
@Index({
  name: 'party_search_index',
  expression: `create index "party_search_index" on "party" using gin (to_tsvector('swedish', "name" || ' ' || coalesce("description", '')))`,
})
export class Party implements Node {
  [OptionalProps]?: 'globalId' | 'createdAt' | 'areasOfInterest';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('Party', this.id);
  }

  @Field(() => String, { description: 'Name of the organisation.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => PartyKind, { description: 'What kind of organisation it is.' })
  @Enum({ items: () => PartyKind, nativeEnumName: 'party_kind' })
  @Index()
  kind!: PartyKind;

  /** Unique when present; only networks may lack one. */
  @Field(() => String, {
    nullable: true,
    description: 'Organisationsnummer, NNNNNN-NNNN; none for networks.',
  })
  @Property({ type: 'string', length: 11, nullable: true, unique: true })
  organisationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'What the organisation does.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => [String], { description: 'Areas of interest, e.g. "idrott", "integration".' })
  @Property({ type: 'text[]' })
  @Index({
    name: 'party_areas_of_interest_index',
    expression: 'create index "party_areas_of_interest_index" on "party" using gin ("areas_of_interest")',
  })
  areasOfInterest: string[] = [];

  @Field(() => String, {
    nullable: true,
    description: 'Public contact: e-mail or phone, as the party wants it shown.',
  })
  @Property({ type: 'string', length: 200, nullable: true })
  publicContact?: string | null;

  @Field(() => String, { nullable: true, description: 'Website.' })
  @Property({ type: 'string', length: 300, nullable: true })
  website?: string | null;

  /** For a network: who speaks for it (named contact person). */
  @Field(() => String, { nullable: true, description: 'For a network: its named contact person.' })
  @Property({ type: 'string', length: 200, nullable: true })
  networkContactName?: string | null;

  /** For a network: a short description of who takes part. */
  @Field(() => String, { nullable: true, description: 'For a network: who takes part.' })
  @Property({ type: 'text', nullable: true })
  networkParticipants?: string | null;

  /** When the coordinator confirmed a network (networks have no organisationsnummer to check). */
  @Field(() => Date, { nullable: true, description: 'For a network: when the coordinator confirmed it.' })
  @Property({ type: 'datetime', nullable: true })
  networkConfirmedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @OneToMany(() => Membership, (membership) => membership.party)
  memberships = new Collection<Membership>(this);
}
