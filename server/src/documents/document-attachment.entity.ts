import { randomUUID } from 'node:crypto';
import { type Ref, OptionalProps } from '@mikro-orm/core';
import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { Submission } from '../submissions/submission.entity.js';
import { Invitation } from '../invitations/invitation.entity.js';
import { ConsultationResponse } from '../invitations/consultation-response.entity.js';
import { Document } from './document.entity.js';

/**
 * A document held by one owner. Each kind of owner is a nullable column, exactly one of them set (a check);
 * later owners add theirs beside these. A document no attachment holds is removed after
 * DOCUMENT_UNATTACHED_HOURS.
 */
@Entity({ tableName: 'document_attachment' })
@Unique({ properties: ['agendaItem', 'document'] })
@Unique({ properties: ['submission', 'document'] })
@Unique({ properties: ['invitation', 'document'] })
@Unique({ properties: ['consultationResponse', 'document'] })
@Check({
  name: 'document_attachment_one_owner',
  expression: 'num_nonnulls(agenda_item_id, submission_id, invitation_id, consultation_response_id) = 1',
})
export class DocumentAttachment {
  [OptionalProps]?: 'attachedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Document, { ref: true, deleteRule: 'cascade', index: true })
  document!: Ref<Document>;

  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'cascade' })
  agendaItem?: Ref<AgendaItem> | null;

  @ManyToOne(() => Submission, { ref: true, nullable: true, deleteRule: 'cascade' })
  submission?: Ref<Submission> | null;

  @ManyToOne(() => Invitation, { ref: true, nullable: true, deleteRule: 'cascade' })
  invitation?: Ref<Invitation> | null;

  @ManyToOne(() => ConsultationResponse, { ref: true, nullable: true, deleteRule: 'cascade' })
  consultationResponse?: Ref<ConsultationResponse> | null;

  /** Attachments are listed in the order they were made. */
  @Property({ type: 'datetime' })
  attachedAt: Date = new Date();
}
