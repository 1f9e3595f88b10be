import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { MembershipRole, MembershipStatus } from '@samverka/domain';
import { Person } from '../accounts/person.entity.js';
import { Party } from './party.entity.js';

/** A person's place in a party: member or contact, asked for or active. */
@Entity({ tableName: 'membership' })
@Unique({ properties: ['person', 'party'] })
export class Membership {
  [OptionalProps]?: 'createdAt' | 'status' | 'role';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @ManyToOne(() => Party, { ref: true, deleteRule: 'cascade' })
  @Index()
  party!: Ref<Party>;

  @Enum({ items: () => MembershipRole, nativeEnumName: 'membership_role' })
  role: MembershipRole = MembershipRole.MEMBER;

  @Enum({ items: () => MembershipStatus, nativeEnumName: 'membership_status' })
  status: MembershipStatus = MembershipStatus.ACTIVE;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
