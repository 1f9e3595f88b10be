import { randomUUID } from 'node:crypto';
import type { Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Unique } from '@mikro-orm/decorators/legacy';
import { Party } from '../parties/party.entity.js';
import { Invitation } from './invitation.entity.js';

/** A party named in an invitation whose audience is NAMED_PARTIES. */
@Entity({ tableName: 'invitation_invitee' })
@Unique({ properties: ['invitation', 'party'] })
export class InvitationInvitee {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Invitation, { ref: true, deleteRule: 'cascade' })
  invitation!: Ref<Invitation>;

  @ManyToOne(() => Party, { ref: true, deleteRule: 'cascade', index: true })
  party!: Ref<Party>;
}
