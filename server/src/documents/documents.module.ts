import type { FeatureModule } from '../feature-module.js';
import { Document } from './document.entity.js';
import { DocumentContent } from './document-content.entity.js';
import { DocumentAttachment } from './document-attachment.entity.js';
import { AgendaItemDocumentsResolver } from './documents.resolver.js';
import { DOCUMENT_MUTATION_RULES } from './document.policy.js';
import { documentRoutes } from './documents.http.js';

/** The document store: uploads checked by content, kept in PostgreSQL, attached to agenda items, downloaded. */
export const documentsModule: FeatureModule = {
  name: 'documents',
  entities: [Document, DocumentContent, DocumentAttachment],
  resolvers: [AgendaItemDocumentsResolver],
  policies: [{ policy: 'document', rules: DOCUMENT_MUTATION_RULES }],
  http: documentRoutes,
};
