import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { InvitationReplyKind } from '@samverka/domain';
import { Person } from '../accounts/person.entity.js';
import { Party } from '../parties/party.entity.js';
import { Invitation } from './invitation.entity.js';

/** A party's written answer to a dialogue invitation: input, or declining with a reason. */
@Entity({ tableName: 'invitation_reply' })
@Index({ properties: ['invitation', 'createdAt'] })
@Index({ properties: ['party', 'invitation'] })
export class InvitationReply {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Invitation, { ref: true, deleteRule: 'cascade' })
  invitation!: Ref<Invitation>;

  @ManyToOne(() => Party, { ref: true, deleteRule: 'cascade' })
  party!: Ref<Party>;

  @Enum({ items: () => InvitationReplyKind, nativeEnumName: 'invitation_reply_kind' })
  kind!: InvitationReplyKind;

  @Property({ type: 'text' })
  text!: string;

  /** Who wrote it; null once that person deleted their account. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  author?: Ref<Person> | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
