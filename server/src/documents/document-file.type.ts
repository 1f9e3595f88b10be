import { Field, ID, Int, ObjectType } from 'type-graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A document's opaque id, shaped like the global ids of nodes (documents are reached through their owners). */
export function documentGlobalId(id: string): string {
  return Buffer.from(`Document:${id}`).toString('base64url');
}

/** The uuid of a document's global id; null when it is not one. */
export function documentIdOf(globalId: string): string | null {
  const [type, id] = Buffer.from(globalId, 'base64url').toString('utf8').split(':');
  return type === 'Document' && id && UUID.test(id) ? id : null;
}

/** Where a document is downloaded: its id and its name, so a saved link still says what it is. */
export function documentUrl(id: string, name: string): string {
  return `/dokument/${id}/${encodeURIComponent(name)}`;
}

/** A stored document as lists show it; built from plain rows, so the read model and the loader give the same. */
@ObjectType('Document', {
  description: 'An uploaded file (PDF, image or office document) attached to something.',
})
export class DocumentFile {
  readonly uuid: string;

  @Field(() => ID, { description: 'Global id of the document.' })
  readonly id: string;

  @Field(() => String, { description: 'The file name, sanitised.' })
  readonly name: string;

  @Field(() => String, { description: 'The media type detected from the content, e.g. application/pdf.' })
  readonly mediaType: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  readonly size: number;

  @Field(() => Date, { description: 'When it was uploaded.' })
  readonly uploadedAt: Date;

  @Field(() => String, { description: 'Path to download it from, on the server’s own origin.' })
  readonly url: string;

  constructor(fields: { id: string; name: string; mediaType: string; size: number; uploadedAt: Date }) {
    this.uuid = fields.id;
    this.id = documentGlobalId(fields.id);
    this.name = fields.name;
    this.mediaType = fields.mediaType;
    this.size = fields.size;
    this.uploadedAt = fields.uploadedAt;
    this.url = documentUrl(fields.id, fields.name);
  }
}
