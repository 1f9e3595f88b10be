import type { EntityManager } from '@mikro-orm/postgresql';
import { SUBMISSION_MAX_DOCUMENTS, UserErrorCode } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import type { InputProblems } from '../graphql/user-error.js';
import { Document } from './document.entity.js';
import { DocumentAttachment } from './document-attachment.entity.js';

/** The kinds of owner a document may be attached to: a column of document_attachment each. */
export type DocumentOwnerKind = 'agendaItem' | 'submission' | 'invitation' | 'consultationResponse';

/**
 * The documents a form names for its owner, checked: each must be the viewer's own upload held by nothing
 * else, or already held by this owner (`ownerId`, null while the owner is new). Problems go under
 * `documentIds` / `documentIds.N`; the documents come back in the order named.
 */
export async function chosenDocuments(
  tx: EntityManager,
  viewer: Viewer,
  ids: readonly (string | null)[],
  owner: DocumentOwnerKind,
  ownerId: string | null,
  problems: InputProblems,
): Promise<Document[]> {
  if (ids.length > SUBMISSION_MAX_DOCUMENTS) {
    problems.tooLong('documentIds', SUBMISSION_MAX_DOCUMENTS, `Högst ${SUBMISSION_MAX_DOCUMENTS} dokument.`);
    return [];
  }
  const wanted = ids.filter((id): id is string => !!id);
  if (new Set(wanted).size !== wanted.length) {
    problems.add('documentIds', 'Samma dokument finns två gånger.', UserErrorCode.DUPLICATE);
    return [];
  }
  const [documents, attachments] = wanted.length
    ? await Promise.all([
        tx.find(Document, { id: { $in: wanted } }),
        tx.find(DocumentAttachment, { document: { $in: wanted } }),
      ])
    : [[], []];
  const heldByThisOwner = (attachment: DocumentAttachment) => !!ownerId && attachment[owner]?.id === ownerId;
  ids.forEach((id, index) => {
    const document = id ? documents.find((d) => d.id === id) : undefined;
    const held = attachments.filter((a) => a.document.id === id);
    const usable =
      document &&
      (held.some(heldByThisOwner) || (document.uploadedBy?.id === viewer.id && held.every(heldByThisOwner)));
    if (!usable) {
      problems.add(
        `documentIds.${index}`,
        'Dokumentet finns inte; ladda upp det igen.',
        UserErrorCode.NOT_FOUND,
      );
    }
  });
  return wanted.map((id) => documents.find((d) => d.id === id)).filter((d): d is Document => !!d);
}
