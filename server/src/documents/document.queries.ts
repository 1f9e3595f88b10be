import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../graphql/context.js';
import { meetingPolicy } from '../meetings/meeting.policy.js';
import type { MeetingStatus, SubmissionPublication, SubmissionStatus } from '@samverka/domain';
import { submissionPolicy, viewerSubmissionFacts } from '../submissions/submission-access.js';
import {
  invitationPolicy,
  viewerInvitationFacts,
  type InvitationDocumentHolder,
} from '../invitations/invitation-access.js';
import type { Submission } from '../submissions/submission.entity.js';
import { DocumentAttachment } from './document-attachment.entity.js';
import { DocumentFile } from './document-file.type.js';

/** What can hold documents: a column of `document_attachment` each. */
type DocumentOwner = 'agendaItem' | 'submission' | 'invitation' | 'consultationResponse';

const loaders = new WeakMap<EntityManager, Map<DocumentOwner, DataLoader<string, DocumentFile[]>>>();

/**
 * An owner's documents, in the order attached. Every owner asked for in the same turn of the event loop is
 * loaded in one statement per unit of work, so a list of any length costs the same.
 */
function ownerDocuments(em: EntityManager, owner: DocumentOwner, ownerId: string): Promise<DocumentFile[]> {
  let byOwner = loaders.get(em);
  if (!byOwner) loaders.set(em, (byOwner = new Map()));
  let loader = byOwner.get(owner);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const attachments = await em.find(
        DocumentAttachment,
        { [owner]: { $in: [...ids] } },
        { populate: ['document'], orderBy: { attachedAt: 'asc', id: 'asc' } },
      );
      return ids.map((id) =>
        attachments
          .filter((attachment) => attachment[owner]?.id === id)
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
    byOwner.set(owner, loader);
  }
  return loader.load(ownerId);
}

/** An agenda item's documents, in the order attached. */
export function agendaItemDocuments(em: EntityManager, agendaItemId: string): Promise<DocumentFile[]> {
  return ownerDocuments(em, 'agendaItem', agendaItemId);
}

/** A matter's documents, in the order attached. */
export function submissionDocuments(em: EntityManager, submissionId: string): Promise<DocumentFile[]> {
  return ownerDocuments(em, 'submission', submissionId);
}

/** An invitation's documents, in the order attached. */
export function invitationDocuments(em: EntityManager, invitationId: string): Promise<DocumentFile[]> {
  return ownerDocuments(em, 'invitation', invitationId);
}

/** A consultation response's documents, in the order attached. */
export function consultationResponseDocuments(
  em: EntityManager,
  responseId: string,
): Promise<DocumentFile[]> {
  return ownerDocuments(em, 'consultationResponse', responseId);
}

/** What a download needs: the document's facts, and whether the viewer may have it. */
export interface DownloadableDocument {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

interface DocumentAccessRow extends DownloadableDocument {
  uploaded_by_id: string | null;
  media_type: string;
  meetings: { status: MeetingStatus; chairId: string | null; forumId: string }[];
  submissions: {
    partyId: string;
    status: SubmissionStatus;
    publication: SubmissionPublication;
    referredToId: string | null;
  }[];
  /** Invitations holding it, and responses with their invitation: readable per invitation-access.ts. */
  invitations: InvitationDocumentHolder[];
}

const DOCUMENT_ACCESS_SQL = `select d.id, d.name, d.media_type, d.size, d.sha256, d.uploaded_by_id,
  coalesce((select json_agg(json_build_object('status', m.status, 'chairId', m.chair_id, 'forumId', m.forum_id))
    from document_attachment a join agenda_item i on i.id = a.agenda_item_id join meeting m on m.id = i.meeting_id
    where a.document_id = d.id), '[]') as meetings,
  coalesce((select json_agg(json_build_object('partyId', s.party_id, 'status', s.status,
      'publication', s.publication, 'referredToId', s.referred_to_id))
    from document_attachment a join submission s on s.id = a.submission_id
    where a.document_id = d.id), '[]') as submissions,
  coalesce((select json_agg(json_build_object('invitationPartyId', i.party_id, 'status', i.status,
      'responsePartyId', r.party_id, 'withheld', r.withheld))
    from document_attachment a
    left join consultation_response r on r.id = a.consultation_response_id
    join invitation i on i.id = coalesce(a.invitation_id, r.invitation_id)
    where a.document_id = d.id), '[]') as invitations
from document d where d.id = ?`;

/**
 * The document if the viewer may download it: it is attached to a meeting they may see or to a matter whose
 * content they may read, or they uploaded it (so an upload not attached yet can be checked). Otherwise null,
 * as if it did not exist. One statement, and the viewer's submission facts when a matter holds it.
 */
export async function findDownloadableDocument(
  em: EntityManager,
  viewer: Viewer | null,
  documentId: string,
): Promise<DownloadableDocument | null> {
  const row = await em.getConnection().execute<DocumentAccessRow>(DOCUMENT_ACCESS_SQL, [documentId], 'get');
  if (!row) return null;
  const visible =
    (viewer !== null && row.uploaded_by_id === viewer.id) ||
    row.meetings.some((meeting) => meetingPolicy.see(viewer, meeting)) ||
    (row.submissions.length > 0 && (await readableMatter(em, viewer, row.submissions))) ||
    (row.invitations.length > 0 && (await readableInvitationDocument(em, viewer, row.invitations)));
  if (!visible) return null;
  return { id: row.id, name: row.name, mediaType: row.media_type, size: row.size, sha256: row.sha256 };
}

/** Whether the viewer may read the content of one of the matters holding the document. */
async function readableMatter(
  em: EntityManager,
  viewer: Viewer | null,
  matters: DocumentAccessRow['submissions'],
): Promise<boolean> {
  const facts = await viewerSubmissionFacts(em, viewer);
  return matters.some((matter) =>
    submissionPolicy.seeContent(facts, {
      party: { id: matter.partyId },
      status: matter.status,
      publication: matter.publication,
      referredTo: matter.referredToId ? { id: matter.referredToId } : null,
    } as unknown as Submission),
  );
}

/** Whether the viewer may read one of the invitations or consultation responses holding the document. */
async function readableInvitationDocument(
  em: EntityManager,
  viewer: Viewer | null,
  holders: InvitationDocumentHolder[],
): Promise<boolean> {
  const facts = await viewerInvitationFacts(em, viewer);
  return holders.some((holder) => invitationPolicy.readDocument(facts, holder));
}

/** The document's bytes, read only when they are sent. */
export async function documentBytes(em: EntityManager, documentId: string): Promise<Buffer | null> {
  const row = await em
    .getConnection()
    .execute<{ bytes: Buffer }>(
      'select bytes from document_content where document_id = ?',
      [documentId],
      'get',
    );
  return row?.bytes ?? null;
}
