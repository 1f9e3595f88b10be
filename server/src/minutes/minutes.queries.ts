import type { EntityManager } from '@mikro-orm/postgresql';
import { MinutesAction, allowedMinutesActions } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import type { MinutesType } from './minutes.types.js';
import { readVisibleMinutes, type MinutesDocument } from './minutes-document.js';
import { minutesRoles } from './minutes.policy.js';
import { minutesPdfPath } from './minutes-pdf.js';

/** The minutes as the viewer gets them: the document with the steps they may take now. */
function forViewer(document: MinutesDocument, viewer: Viewer | null): MinutesType {
  const ownApproval = document.approvals.find((approval) => viewer && approval.personId === viewer.id);
  const actions = allowedMinutesActions(document.status, minutesRoles(viewer, document.access)).filter(
    (action) => action !== MinutesAction.APPROVE || !ownApproval?.approvedAt,
  );
  return {
    ...document,
    attendance: {
      present: document.attendance.present,
      absent: document.attendance.absent,
      changes: document.attendance.changes.map((change) => ({
        name: change.name,
        organisation: change.organisation,
        arrived: change.change === 'ARRIVED',
        at: change.at,
        paragraph: change.agendaItem?.position ?? null,
      })),
    },
    viewerActions: actions,
    pdfUrl: document.publishedAt ? minutesPdfPath(document.meeting.id) : null,
  };
}

/** A meeting's minutes as the viewer may see them, or null. */
export async function minutesForViewer(
  em: EntityManager,
  viewer: Viewer | null,
  meetingId: string,
): Promise<MinutesType | null> {
  const document = await readVisibleMinutes(em, viewer, meetingId);
  return document && forViewer(document, viewer);
}
