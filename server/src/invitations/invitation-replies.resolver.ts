import { Arg, Ctx, Extensions, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { payloadOf } from '../graphql/payload.js';
import { PERSON_DEPENDENT } from '../live/audience.js';
import { Party } from '../parties/party.entity.js';
import { Invitation } from './invitation.entity.js';
import { InvitationReplyView, replyView } from './invitation-reply.type.js';
import { invitationAnswerLoaders } from './invitation-answers.loaders.js';
import { visibleReplies } from './invitation-answers.queries.js';
import * as replies from './invitation-replies.service.js';
import {
  DeclineInvitationInput,
  GiveInvitationInputInput,
  InvitationReplyPayload,
  invitationIdOf,
  partyIdOf,
} from './invitation-answers.input.js';

type ReplyResult = { reply: InvitationReplyView | null; invitation: Invitation | null };

/** Written input and declines, and how many parties answered. */
@Resolver(() => Invitation)
export class InvitationRepliesResolver {
  @FieldResolver(() => [InvitationReplyView], {
    description:
      'Written input and declines, oldest first: the inviting party sees all, others their own parties’.',
  })
  @Extensions(PERSON_DEPENDENT)
  async replies(@Root() invitation: Invitation, @Ctx() { em, viewer }: GraphQLContext) {
    return (await visibleReplies(em, viewer, invitation)).map(replyView);
  }

  @FieldResolver(() => Int, {
    description: 'How many parties answered: registered someone or gave written input.',
  })
  answeringPartyCount(@Root() invitation: Invitation, @Ctx() { em }: GraphQLContext) {
    return invitationAnswerLoaders(em).answeringPartyCounts.load(invitation.id);
  }

  @Mutation(() => InvitationReplyPayload, {
    description:
      'A member of an invited party gives written input on its behalf while the invitation is open.',
  })
  giveInvitationInput(
    @Arg('input', () => GiveInvitationInputInput) input: GiveInvitationInputInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadOf<ReplyResult>({ reply: null, invitation: null }, async () => {
      const reply = await replies.giveInvitationInput(
        em,
        viewer,
        {
          invitationId: invitationIdOf(input.invitationId),
          partyId: partyIdOf(input.partyId),
          text: input.text,
        },
        { outbox },
      );
      return { reply: replyView(reply), invitation: reply.invitation.getEntity() };
    });
  }

  @Mutation(() => InvitationReplyPayload, {
    description: 'A member of an invited party declines on its behalf, saying why.',
  })
  declineInvitation(
    @Arg('input', () => DeclineInvitationInput) input: DeclineInvitationInput,
    @Ctx() { em, viewer, outbox }: GraphQLContext,
  ) {
    return payloadOf<ReplyResult>({ reply: null, invitation: null }, async () => {
      const reply = await replies.declineInvitation(
        em,
        viewer,
        {
          invitationId: invitationIdOf(input.invitationId),
          partyId: partyIdOf(input.partyId),
          text: input.reason,
        },
        { outbox },
      );
      return { reply: replyView(reply), invitation: reply.invitation.getEntity() };
    });
  }
}

/** The party of a reply. */
@Resolver(() => InvitationReplyView)
export class InvitationReplyResolver {
  @FieldResolver(() => Party, { description: 'The party that answered.' })
  party(@Root() reply: InvitationReplyView, @Ctx() { em }: GraphQLContext) {
    return em.getReference(Party, reply.partyId, { wrapped: true }).load({ dataloader: true });
  }
}
