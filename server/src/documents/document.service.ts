import { createHash } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  MeetingEventKind,
  UserErrorCode,
  documentTypeFor,
  documentTypeForName,
  sanitiseDocumentName,
  ACCEPTED_DOCUMENT_TYPES,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { UserError, UserErrors, userError } from '../graphql/user-error.js';
import { meetingTopic, publishLiveEvent } from '../live/publish.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Person } from '../accounts/person.entity.js';
import { Document } from './document.entity.js';
import { DocumentContent } from './document-content.entity.js';
import { DocumentAttachment } from './document-attachment.entity.js';
import { documentPolicy } from './document.policy.js';
import { detectMediaType } from './content-type.js';

const ACCEPTED_LABELS = [...new Set(ACCEPTED_DOCUMENT_TYPES.map((type) => type.label))].join(', ');

/** An upload's refusal, shown beside the file input; `max` carries the byte limit with FILE_TOO_LARGE. */
export function fileError(message: string, code: UserErrorCode, max: number | null = null): UserErrors {
  return new UserErrors([new UserError(['file'], message, code, null, max)]);
}

/** "Filen är större än 20 MB.": the limit in the message as people read sizes. */
export function tooLargeError(maxBytes: number): UserErrors {
  const mb = (maxBytes / (1024 * 1024)).toLocaleString('sv', { maximumFractionDigits: 1 });
  return fileError(`Filen är för stor. Högst ${mb} MiB.`, UserErrorCode.FILE_TOO_LARGE, maxBytes);
}

export interface Upload {
  /** The name the browser sent. */
  fileName: string;
  bytes: Buffer;
}

/**
 * Stores an uploaded file, not attached to anything yet, after checking its content: it must be an accepted
 * type and the type its name's extension says. In the same transaction, documents left unattached for
 * longer than `unattachedHours` are removed, so abandoned uploads do not pile up (no timer needed: only
 * uploads create them).
 */
export async function storeUpload(
  em: EntityManager,
  viewer: Viewer | null,
  upload: Upload,
  unattachedHours: number,
): Promise<Document> {
  if (!viewer) throw unauthenticated();
  const name = sanitiseDocumentName(upload.fileName);
  if (upload.bytes.length === 0) throw fileError('Filen är tom.', UserErrorCode.REQUIRED);
  const detected = detectMediaType(upload.bytes);
  const claimed = documentTypeForName(name);
  if (!detected) {
    throw fileError(
      `Filtypen går inte att ladda upp. Tillåtna typer: ${ACCEPTED_LABELS}.`,
      UserErrorCode.FILE_TYPE_NOT_ACCEPTED,
    );
  }
  if (claimed?.mediaType !== detected) {
    const actual = documentTypeFor(detected)!;
    throw fileError(
      `Filens innehåll är ${actual.label} men namnet slutar inte på .${actual.extensions[0]}.`,
      UserErrorCode.FILE_TYPE_NOT_ACCEPTED,
    );
  }
  return em.transactional(async (tx) => {
    await removeUnattachedDocuments(tx, unattachedHours);
    const document = tx.create(Document, {
      name,
      mediaType: detected,
      size: upload.bytes.length,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      uploadedBy: tx.getReference(Person, viewer.id),
    });
    tx.create(DocumentContent, { document, bytes: upload.bytes });
    await tx.flush();
    return document;
  });
}

/** Deletes documents no attachment holds that are older than `hours` (their content goes with them). */
export async function removeUnattachedDocuments(em: EntityManager, hours: number): Promise<number> {
  const rows = await em.getConnection().execute<{ id: string }[]>(
    `delete from document d where d.created_at < now() - make_interval(hours => ?)
       and not exists (select 1 from document_attachment a where a.document_id = d.id) returning d.id`,
    [hours],
    'all',
    em.getTransactionContext(),
  );
  return rows.length;
}

export interface AgendaItemDocumentInput {
  /** The agenda item's uuid; null when the given id was not an agenda item's. */
  agendaItemId: string | null;
  /** The document's uuid; null when the given id was not a document's. */
  documentId: string | null;
}

/** The agenda item, locked, and its meeting, once the viewer is allowed to manage the meeting. */
async function managedAgendaItem(tx: EntityManager, viewer: Viewer, agendaItemId: string | null) {
  const item = agendaItemId
    ? await tx.findOne(AgendaItem, agendaItemId, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
  if (!item) throw userError('agendaItemId', 'Punkten finns inte.', UserErrorCode.NOT_FOUND);
  const meeting = await tx.findOneOrFail(Meeting, item.meeting.id);
  if (
    !documentPolicy.manageMeeting(viewer, {
      status: meeting.status,
      chairId: meeting.chair?.id ?? null,
      forumId: meeting.forum.id,
    })
  )
    throw forbidden();
  return { item, meeting };
}

/** Attaches a document the viewer uploaded to an agenda item of a meeting they manage. */
export function attachDocumentToAgendaItem(
  em: EntityManager,
  viewer: Viewer | null,
  input: AgendaItemDocumentInput,
): Promise<AgendaItem> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const { item, meeting } = await managedAgendaItem(tx, viewer, input.agendaItemId);
    const document = input.documentId ? await tx.findOne(Document, input.documentId) : null;
    // Someone else's upload is treated as absent: its id is no permission to use it.
    if (!document || document.uploadedBy?.id !== viewer.id) {
      throw userError('documentId', 'Dokumentet finns inte; ladda upp det igen.', UserErrorCode.NOT_FOUND);
    }
    if (await tx.count(DocumentAttachment, { document, agendaItem: item })) {
      throw userError('documentId', 'Dokumentet finns redan på punkten.', UserErrorCode.DUPLICATE);
    }
    tx.create(DocumentAttachment, { document, agendaItem: item });
    await tx.flush();
    await publishLiveEvent(tx, {
      topic: meetingTopic(meeting.id),
      kind: MeetingEventKind.DOCUMENTS_CHANGED,
      subjectId: meeting.id,
    });
    return item;
  });
}

/** Removes a document from an agenda item; a document nothing else holds is deleted with it. */
export function removeDocumentFromAgendaItem(
  em: EntityManager,
  viewer: Viewer | null,
  input: AgendaItemDocumentInput,
): Promise<AgendaItem> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const { item, meeting } = await managedAgendaItem(tx, viewer, input.agendaItemId);
    const attachment = input.documentId
      ? await tx.findOne(DocumentAttachment, { document: input.documentId, agendaItem: item })
      : null;
    if (!attachment) {
      throw userError('documentId', 'Dokumentet finns inte på punkten.', UserErrorCode.NOT_FOUND);
    }
    const documentId = attachment.document.id;
    tx.remove(attachment);
    await tx.flush();
    if (!(await tx.count(DocumentAttachment, { document: documentId }))) {
      await tx.nativeDelete(Document, { id: documentId });
    }
    await publishLiveEvent(tx, {
      topic: meetingTopic(meeting.id),
      kind: MeetingEventKind.DOCUMENTS_CHANGED,
      subjectId: meeting.id,
    });
    return item;
  });
}
