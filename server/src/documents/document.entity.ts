import { randomUUID } from 'node:crypto';
import { type Ref, OptionalProps } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Person } from '../accounts/person.entity.js';

/**
 * An uploaded file's facts. Its bytes are in `document_content` (DocumentContent), never loaded with these,
 * so listing documents reads no file; every instance serves the same files from PostgreSQL.
 */
@Entity({ tableName: 'document' })
@Index({ properties: ['createdAt'] })
export class Document {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The type detected from the content (never the one the browser claimed). */
  @Property({ type: 'string', length: 100 })
  mediaType!: string;

  /** The uploaded file's name, sanitised (sanitiseDocumentName). */
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Bytes. */
  @Property({ type: 'integer' })
  size!: number;

  /** Hex SHA-256 of the content; also the download's ETag. */
  @Property({ type: 'string', length: 64 })
  sha256!: string;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  uploadedBy?: Ref<Person> | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
