import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../graphql/context.js';
import { Invitation } from './invitation.entity.js';
import type { ConsultationResponse } from './consultation-response.entity.js';
import { invitationFacts, invitationPolicy, viewerInvitationFacts } from './invitation-access.js';
import { consultationLoaders } from './consultation-loaders.js';

/** The responses the viewer may read: public after the deadline unless withheld; the inviter's and its party's. */
export async function visibleResponses(
  em: EntityManager,
  viewer: Viewer | null,
  invitation: Invitation,
): Promise<ConsultationResponse[]> {
  const [facts, of, responses] = await Promise.all([
    viewerInvitationFacts(em, viewer),
    invitationFacts(em, invitation),
    consultationLoaders(em).responses.load(invitation.id),
  ]);
  return responses.filter((response) =>
    invitationPolicy.seeResponse(facts, of, { partyId: response.party.id, withheld: response.withheld }),
  );
}

/** The responses of the viewer's own parties. */
export async function viewerResponses(
  em: EntityManager,
  viewer: Viewer | null,
  invitation: Invitation,
): Promise<ConsultationResponse[]> {
  const [facts, responses] = await Promise.all([
    viewerInvitationFacts(em, viewer),
    consultationLoaders(em).responses.load(invitation.id),
  ]);
  return responses.filter((response) => facts.parties.has(response.party.id));
}

/** How many parties have responded; public, since the count tells how well the consultation was answered. */
export async function responseCount(em: EntityManager, invitationId: string): Promise<number> {
  return (await consultationLoaders(em).responses.load(invitationId)).length;
}

/**
 * Whether the viewer sees the compilation's verdicts on this consultation's responses: the inviter always
 * (they are writing it), everyone else once it is published.
 */
export async function seesVerdicts(
  em: EntityManager,
  viewer: Viewer | null,
  invitationId: string,
): Promise<boolean> {
  const invitation = await em.findOneOrFail(Invitation, invitationId);
  if (invitation.compilationPublishedAt) return true;
  const [facts, of] = await Promise.all([viewerInvitationFacts(em, viewer), invitationFacts(em, invitation)]);
  return invitationPolicy.seeAnswers(facts, of);
}
