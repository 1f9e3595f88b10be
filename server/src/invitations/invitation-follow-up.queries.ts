import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CONCLUDED_INVITATION_STATUSES,
  FEEDBACK_DUE_DAYS,
  InvitationKind,
  OPEN_INVITATION_STATUSES,
  isShortConsultationDeadline,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { Invitation } from './invitation.entity.js';
import { viewerInvitationFacts } from './invitation-access.js';

/** What needs following up: feedback overdue, and open consultations with a short deadline. */
export interface InvitationFollowUp {
  /** True for the coordinator, who follows up every party's invitations; otherwise the viewer's parties'. */
  wholeAgreement: boolean;
  overdueFeedback: Invitation[];
  shortDeadlines: Invitation[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The coordinator's follow-up of every party's invitations, or a member's of their own parties': those without
 * feedback FEEDBACK_DUE_DAYS after their last occasion or deadline (oldest first), and published consultations
 * whose deadline is shorter than `minDays` (soonest first). Two statements with their inviting parties, on the
 * status and concludes_at indexes; someone of no party follows up nothing, and a signed-out visitor has no follow-up (null).
 */
export async function invitationFollowUp(
  em: EntityManager,
  viewer: Viewer | null,
  options: { now: Date; minDays: number },
): Promise<InvitationFollowUp | null> {
  if (!viewer) return null;
  const facts = await viewerInvitationFacts(em, viewer);
  const wholeAgreement = facts.coordinates;
  const partyIds = [...facts.parties.keys()];
  if (!wholeAgreement && partyIds.length === 0) {
    return { wholeAgreement, overdueFeedback: [], shortDeadlines: [] };
  }
  const ownParties = wholeAgreement ? {} : { party: { $in: partyIds } };
  const [overdueFeedback, openConsultations] = await Promise.all([
    em.find(
      Invitation,
      {
        ...ownParties,
        status: { $in: [...CONCLUDED_INVITATION_STATUSES] },
        feedbackPublishedAt: null,
        concludesAt: { $lt: new Date(options.now.getTime() - FEEDBACK_DUE_DAYS * DAY_MS) },
      },
      { orderBy: { concludesAt: 'asc', id: 'asc' }, populate: ['party'] },
    ),
    em.find(
      Invitation,
      {
        ...ownParties,
        kind: InvitationKind.CONSULTATION,
        status: { $in: [...OPEN_INVITATION_STATUSES] },
        responseDeadline: { $ne: null },
      },
      { orderBy: { responseDeadline: 'asc', id: 'asc' }, populate: ['party'] },
    ),
  ]);
  const shortDeadlines = openConsultations.filter((invitation) =>
    isShortConsultationDeadline(
      invitation.responseDeadline!,
      invitation.publishedAt,
      options.now,
      options.minDays,
    ),
  );
  return { wholeAgreement, overdueFeedback, shortDeadlines };
}
