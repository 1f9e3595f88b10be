import type { EntityManager } from '@mikro-orm/postgresql';
import type { InvitationAction } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { Invitation } from './invitation.entity.js';
import {
  invitationFacts,
  invitationPolicy,
  viewerInvitationFacts,
  type ViewerParty,
} from './invitation-access.js';

/** An invitation the viewer may know of, or null (a draft of another party is as absent as a missing one). */
export async function findVisibleInvitation(
  em: EntityManager,
  viewer: Viewer | null,
  id: string,
): Promise<Invitation | null> {
  const [invitation, facts] = await Promise.all([
    em.findOne(Invitation, id),
    viewerInvitationFacts(em, viewer),
  ]);
  return invitation && invitationPolicy.see(facts, await invitationFacts(em, invitation)) ? invitation : null;
}

/** The workflow steps the viewer may take on the invitation now. */
export async function viewerInvitationActions(
  em: EntityManager,
  viewer: Viewer | null,
  invitation: Invitation,
): Promise<InvitationAction[]> {
  const [facts, of] = await Promise.all([viewerInvitationFacts(em, viewer), invitationFacts(em, invitation)]);
  return invitationPolicy.actions(facts, of);
}

/** The viewer's joined parties the invitation is for: those they may answer for. */
export async function viewerInvitedParties(
  em: EntityManager,
  viewer: Viewer | null,
  invitation: Invitation,
): Promise<ViewerParty[]> {
  const [facts, of] = await Promise.all([viewerInvitationFacts(em, viewer), invitationFacts(em, invitation)]);
  return invitationPolicy.invitedParties(facts, of);
}
