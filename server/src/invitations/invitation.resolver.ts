import { Arg, Ctx, Extensions, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  DEFAULT_CONSULTATION_MIN_DAYS,
  InvitationAction,
  InvitationKind,
  isFeedbackOverdue,
  isShortConsultationDeadline,
} from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { idOfType } from '../graphql/node.js';
import { PERSON_DEPENDENT } from '../live/audience.js';
import { Party } from '../parties/party.entity.js';
import { DocumentFile } from '../documents/document-file.type.js';
import { invitationDocuments } from '../documents/document.queries.js';
import { Invitation } from './invitation.entity.js';
import { InvitationOccasion } from './invitation-occasion.entity.js';
import { ConsultationProposal } from './consultation-proposal.entity.js';
import { invitationLoaders } from './invitation-loaders.js';
import {
  findVisibleInvitation,
  viewerInvitationActions,
  viewerInvitedParties,
} from './invitation.queries.js';

/** An invitation and the fields every page of it needs. */
@Resolver(() => Invitation)
export class InvitationResolver {
  @Query(() => Invitation, {
    nullable: true,
    description: 'A dialogue invitation or consultation; null when absent or a draft of another party.',
  })
  async invitation(
    @Arg('id', () => ID, { description: "The invitation's global id." }) id: string,
    @Ctx() { em, viewer }: GraphQLContext,
  ): Promise<Invitation | null> {
    const uuid = idOfType(id, 'Invitation');
    return uuid ? findVisibleInvitation(em, viewer, uuid) : null;
  }

  @FieldResolver(() => Party, { description: 'The inviting party.' })
  async party(@Root() invitation: Invitation, @Ctx() { em }: GraphQLContext) {
    return em.findOneOrFail(Party, invitation.party.id);
  }

  @FieldResolver(() => [Party], { description: 'With audience NAMED_PARTIES: the parties named.' })
  async namedParties(@Root() invitation: Invitation, @Ctx() { em }: GraphQLContext) {
    const ids = await invitationLoaders(em).invitees.load(invitation.id);
    return ids.length ? em.find(Party, { id: { $in: ids } }, { orderBy: { name: 'asc' } }) : [];
  }

  @FieldResolver(() => [InvitationOccasion], { description: 'The occasions, earliest first.' })
  async occasions(@Root() invitation: Invitation, @Ctx() { em }: GraphQLContext) {
    return invitationLoaders(em).occasions.load(invitation.id);
  }

  @FieldResolver(() => [ConsultationProposal], { description: 'A consultation’s proposals, in order.' })
  async proposals(@Root() invitation: Invitation, @Ctx() { em }: GraphQLContext) {
    return invitationLoaders(em).proposals.load(invitation.id);
  }

  @FieldResolver(() => [DocumentFile], { description: 'The documents, in the order attached.' })
  async documents(@Root() invitation: Invitation, @Ctx() { em }: GraphQLContext) {
    return invitationDocuments(em, invitation.id);
  }

  @FieldResolver(() => [InvitationAction], { description: 'The workflow steps the viewer may take now.' })
  @Extensions(PERSON_DEPENDENT)
  async viewerActions(@Root() invitation: Invitation, @Ctx() { em, viewer }: GraphQLContext) {
    return viewerInvitationActions(em, viewer, invitation);
  }

  @FieldResolver(() => [Party], {
    description: 'The viewer’s joined parties the invitation is for: those the viewer may answer for.',
  })
  @Extensions(PERSON_DEPENDENT)
  async viewerInvitedParties(@Root() invitation: Invitation, @Ctx() { em, viewer }: GraphQLContext) {
    const parties = await viewerInvitedParties(em, viewer, invitation);
    return parties.length ? em.find(Party, { id: { $in: parties.map((party) => party.id) } }) : [];
  }

  @FieldResolver(() => Boolean, {
    description: 'No feedback though 30 days have passed since the last occasion or the deadline.',
  })
  feedbackOverdue(@Root() invitation: Invitation): boolean {
    return isFeedbackOverdue(invitation, new Date());
  }

  @FieldResolver(() => Boolean, {
    description: 'A consultation whose deadline is shorter than CONSULTATION_MIN_DAYS after publication.',
  })
  shortDeadline(@Root() invitation: Invitation, @Ctx() { invitations }: GraphQLContext): boolean {
    return (
      invitation.kind === InvitationKind.CONSULTATION &&
      !!invitation.responseDeadline &&
      isShortConsultationDeadline(
        invitation.responseDeadline,
        invitation.publishedAt,
        new Date(),
        invitations?.consultationMinDays ?? DEFAULT_CONSULTATION_MIN_DAYS,
      )
    );
  }
}
