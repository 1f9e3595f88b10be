import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../graphql/node.js';
import { Party } from '../parties/party.entity.js';
import { Person } from '../accounts/person.entity.js';

/** A joined civil-society party's nomination of a representative for a civil-society seat in Samverkansrådet. */
@ObjectType({ description: 'A nomination for a civil-society seat in Samverkansrådet.', implements: Node })
@Entity({ tableName: 'nomination' })
export class Nomination implements Node {
  [OptionalProps]?: 'globalId' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  get globalId(): string {
    return toGlobalId('Nomination', this.id);
  }

  @ManyToOne(() => Party, { ref: true, deleteRule: 'cascade' })
  @Index()
  party!: Ref<Party>;

  @Field(() => String, { description: 'Name of the person nominated.' })
  @Property({ type: 'string', length: 200 })
  nomineeName!: string;

  @Field(() => String, { description: 'Why the party nominates them.' })
  @Property({ type: 'text' })
  motivation!: string;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  nominatedBy?: Ref<Person> | null;

  @Field(() => Date, { description: 'When the nomination was made.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
