import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ParticipantStatus } from '@samverka/domain';
import { Person } from '../accounts/person.entity.js';
import { Party } from '../parties/party.entity.js';
import { InvitationOccasion } from './invitation-occasion.entity.js';

/**
 * One participant a party registered for an occasion: a seat, or a place in the waiting list (ordered by
 * `sequence`). Needs (accessibility, diet) are shown only to the inviting party.
 */
@Entity({ tableName: 'occasion_participant' })
@Index({ properties: ['occasion', 'status', 'sequence'] })
@Index({ properties: ['party', 'occasion'] })
export class OccasionParticipant {
  [OptionalProps]?: 'status' | 'registeredAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => InvitationOccasion, { ref: true, deleteRule: 'cascade' })
  occasion!: Ref<InvitationOccasion>;

  @ManyToOne(() => Party, { ref: true, deleteRule: 'cascade' })
  party!: Ref<Party>;

  /** The participant's name as the party gave it. */
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Accessibility or dietary needs; only the inviter sees them. */
  @Property({ type: 'text', nullable: true })
  needs?: string | null;

  @Enum({ items: () => ParticipantStatus, nativeEnumName: 'participant_status' })
  status: ParticipantStatus = ParticipantStatus.REGISTERED;

  /**
   * Order of arrival within the occasion: the waiting list moves up in it. Assigned (max + 1) under the
   * occasion's row lock, so concurrent registrations get distinct, ordered numbers.
   */
  @Property({ type: 'integer' })
  sequence!: number;

  /** Who registered them; null once that person deleted their account. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  registeredBy?: Ref<Person> | null;

  @Property({ type: 'datetime' })
  registeredAt: Date = new Date();

  /** When they moved up from the waiting list to a seat. */
  @Property({ type: 'datetime', nullable: true })
  seatedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt?: Date | null;
}
