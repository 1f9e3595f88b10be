import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Forum } from '../forums/forum.entity.js';
import { Person } from '../accounts/person.entity.js';

/**
 * The account role of a forum's convening official (sammankallande tjänsteperson): given by the coordinator,
 * it lets the person prepare and run that forum's meetings as the coordinator does.
 */
@Entity({ tableName: 'forum_convener' })
@Unique({ properties: ['forum', 'person'] })
export class ForumConvener {
  [OptionalProps]?: 'assignedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Forum, { ref: true, deleteRule: 'cascade' })
  forum!: Ref<Forum>;

  /** The role goes with the account: deleting the person removes it. */
  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  @Index()
  person!: Ref<Person>;

  @Property({ type: 'datetime' })
  assignedAt: Date = new Date();
}
