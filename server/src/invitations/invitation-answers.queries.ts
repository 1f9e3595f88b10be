import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../graphql/context.js';
import type { InvitationOccasion } from './invitation-occasion.entity.js';
import type { Invitation } from './invitation.entity.js';
import type { InvitationReply } from './invitation-reply.entity.js';
import { invitationFacts, invitationPolicy, viewerInvitationFacts } from './invitation-access.js';
import { invitationAnswerLoaders } from './invitation-answers.loaders.js';
import type { OccasionParticipantView } from './occasion-participant.type.js';

/** The invitation's policy facts and the viewer's, batched: the invitation through the unit of work's loader. */
async function factsOf(em: EntityManager, viewer: Viewer | null, invitation: Invitation) {
  const [facts, of] = await Promise.all([viewerInvitationFacts(em, viewer), invitationFacts(em, invitation)]);
  return { facts, of };
}

/** Every participant of the occasion with their needs, for the inviting party; null for everyone else. */
export async function occasionParticipants(
  em: EntityManager,
  viewer: Viewer | null,
  occasion: InvitationOccasion,
): Promise<OccasionParticipantView[] | null> {
  const invitation = await occasion.invitation.load({ dataloader: true });
  const { facts, of } = await factsOf(em, viewer, invitation!);
  if (!invitationPolicy.seeAnswers(facts, of)) return null;
  return invitationAnswerLoaders(em).participants.load(occasion.id);
}

/** The participants the viewer's parties registered for the occasion, with their places. */
export async function viewerOccasionParticipants(
  em: EntityManager,
  viewer: Viewer | null,
  occasion: InvitationOccasion,
): Promise<OccasionParticipantView[]> {
  const facts = await viewerInvitationFacts(em, viewer);
  if (!facts.parties.size) return [];
  const participants = await invitationAnswerLoaders(em).participants.load(occasion.id);
  return participants.filter((participant) => facts.parties.has(participant.partyId));
}

/** The replies the viewer may read: the inviting party all of them, others their own parties'. */
export async function visibleReplies(
  em: EntityManager,
  viewer: Viewer | null,
  invitation: Invitation,
): Promise<InvitationReply[]> {
  const { facts, of } = await factsOf(em, viewer, invitation);
  if (!facts.parties.size) return [];
  const replies = await invitationAnswerLoaders(em).replies.load(invitation.id);
  return invitationPolicy.seeAnswers(facts, of)
    ? replies
    : replies.filter((reply) => facts.parties.has(reply.party.id));
}
