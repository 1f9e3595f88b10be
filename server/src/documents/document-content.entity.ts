import type { Ref } from '@mikro-orm/core';
import { Entity, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { Document } from './document.entity.js';

/** The bytes of a document, in a table of their own so that reading a document's facts never reads them. */
@Entity({ tableName: 'document_content' })
export class DocumentContent {
  @OneToOne(() => Document, { primary: true, owner: true, ref: true, deleteRule: 'cascade' })
  document!: Ref<Document>;

  @Property({ type: 'blob', lazy: true })
  bytes!: Buffer;
}
