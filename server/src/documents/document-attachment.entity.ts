import { randomUUID } from 'node:crypto';
import { type Ref, OptionalProps } from '@mikro-orm/core';
import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { Document } from './document.entity.js';

/**
 * A document held by one owner. Each kind of owner is a nullable column, exactly one of them set (a check);
 * submissions (issue 9) add theirs beside `agendaItem`. A document no attachment holds is removed after
 * DOCUMENT_UNATTACHED_HOURS.
 */
@Entity({ tableName: 'document_attachment' })
@Unique({ properties: ['agendaItem', 'document'] })
@Check({ name: 'document_attachment_one_owner', expression: 'num_nonnulls(agenda_item_id) = 1' })
export class DocumentAttachment {
  [OptionalProps]?: 'attachedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Document, { ref: true, deleteRule: 'cascade', index: true })
  document!: Ref<Document>;

  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'cascade' })
  agendaItem?: Ref<AgendaItem> | null;

  /** Attachments are listed in the order they were made. */
  @Property({ type: 'datetime' })
  attachedAt: Date = new Date();
}
