import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DocumentAttachment } from '../documents/document-attachment.entity.js';
import { DocumentFile } from '../documents/document-file.type.js';

const documentLoaders = new WeakMap<EntityManager, DataLoader<string, DocumentFile[]>>();

/**
 * A matter's documents, in the order attached. Every matter asked for in the same turn of the event loop is
 * loaded in one statement per unit of work, so a list of any length costs the same.
 */
export function submissionDocuments(em: EntityManager, submissionId: string): Promise<DocumentFile[]> {
  let loader = documentLoaders.get(em);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const attachments = await em.find(
        DocumentAttachment,
        { submission: { $in: [...ids] } },
        { populate: ['document'], orderBy: { attachedAt: 'asc', id: 'asc' } },
      );
      return ids.map((id) =>
        attachments
          .filter((attachment) => attachment.submission?.id === id)
          .map(({ document: ref }) => {
            const document = ref.getEntity();
            return new DocumentFile({
              id: document.id,
              name: document.name,
              mediaType: document.mediaType,
              size: document.size,
              uploadedAt: document.createdAt,
            });
          }),
      );
    });
    documentLoaders.set(em, loader);
  }
  return loader.load(submissionId);
}
