import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { InvitationAction, InvitationStatus } from '@samverka/domain';
import { Person } from '../accounts/person.entity.js';
import { Party } from '../parties/party.entity.js';
import { Invitation } from './invitation.entity.js';

/**
 * One entry of an invitation's history: a workflow step with the status before and after, or an answer (a
 * registration, input, a response). Written in the transaction of the change, so the history misses nothing.
 */
@Entity({ tableName: 'invitation_event' })
@Index({ properties: ['invitation', 'occurredAt'] })
export class InvitationEvent {
  [OptionalProps]?: 'occurredAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Invitation, { ref: true, deleteRule: 'cascade' })
  invitation!: Ref<Invitation>;

  @Enum({ items: () => InvitationAction, nativeEnumName: 'invitation_action' })
  action!: InvitationAction;

  @Enum({ items: () => InvitationStatus, nativeEnumName: 'invitation_status', nullable: true })
  fromStatus?: InvitationStatus | null;

  @Enum({ items: () => InvitationStatus, nativeEnumName: 'invitation_status', nullable: true })
  toStatus?: InvitationStatus | null;

  /** Who took the step; null for the clock, or once the person deleted their account. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  actor?: Ref<Person> | null;

  /** The party the actor acted for (the answering party). */
  @ManyToOne(() => Party, { ref: true, nullable: true, deleteRule: 'set null' })
  party?: Ref<Party> | null;

  /** The reason given. */
  @Property({ type: 'text', nullable: true })
  text?: string | null;

  @Property({ type: 'datetime' })
  occurredAt: Date = new Date();
}
