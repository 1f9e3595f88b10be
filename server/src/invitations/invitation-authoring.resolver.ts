import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { payloadWith } from '../graphql/payload.js';
import { Invitation } from './invitation.entity.js';
import * as authoring from './invitation-authoring.service.js';
import {
  CancelInvitationInput,
  CreateInvitationDraftInput,
  InvitationPayload,
  InvitationStepInput,
  UpdateInvitationInput,
  invitationContentOf,
  invitationIdOf,
  partyIdOf,
} from './invitation-authoring.input.js';

const stepOf = (input: { invitationId: string; expectedVersion: number }) => ({
  invitationId: invitationIdOf(input.invitationId),
  expectedVersion: input.expectedVersion,
});

const contextOf = ({ outbox, registration }: GraphQLContext) => ({ outbox, registration });

/** Posting and running an invitation: the draft, publication, and the steps its inviter takes. */
@Resolver(() => Invitation)
export class InvitationAuthoringResolver {
  @Query(() => [String], {
    description: 'Every area of interest parties chose or published invitations named, sorted.',
  })
  knownAreasOfInterest(@Ctx() { em }: GraphQLContext) {
    return authoring.knownAreasOfInterest(em);
  }

  @Mutation(() => InvitationPayload, {
    description: 'A member of a joined party starts an invitation as a draft; only the party sees drafts.',
  })
  createInvitationDraft(
    @Arg('input', () => CreateInvitationDraftInput) input: CreateInvitationDraftInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('invitation', () =>
      authoring.createInvitationDraft(
        ctx.em,
        ctx.viewer,
        { partyId: partyIdOf(input.partyId), ...invitationContentOf(input) },
        contextOf(ctx),
      ),
    );
  }

  @Mutation(() => InvitationPayload, {
    description: 'The inviting party edits its draft or its published invitation (not after registration).',
  })
  updateInvitation(
    @Arg('input', () => UpdateInvitationInput) input: UpdateInvitationInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('invitation', () =>
      authoring.updateInvitation(
        ctx.em,
        ctx.viewer,
        { ...stepOf(input), ...invitationContentOf(input) },
        contextOf(ctx),
      ),
    );
  }

  @Mutation(() => InvitationPayload, {
    description: 'The inviting party publishes its draft; a consultation gets its registration number.',
  })
  publishInvitation(
    @Arg('input', () => InvitationStepInput) input: InvitationStepInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('invitation', () =>
      authoring.publishInvitation(ctx.em, ctx.viewer, stepOf(input), contextOf(ctx)),
    );
  }

  @Mutation(() => InvitationPayload, {
    description:
      'The inviting party or the coordinator calls it off with a reason; those registered are told.',
  })
  cancelInvitation(
    @Arg('input', () => CancelInvitationInput) input: CancelInvitationInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('invitation', () =>
      authoring.cancelInvitation(
        ctx.em,
        ctx.viewer,
        { ...stepOf(input), reason: input.reason },
        contextOf(ctx),
      ),
    );
  }

  @Mutation(() => InvitationPayload, {
    description: 'The inviting party closes a dialogue’s registration before its last day.',
  })
  closeInvitationRegistration(
    @Arg('input', () => InvitationStepInput) input: InvitationStepInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('invitation', () =>
      authoring.closeInvitationRegistration(ctx.em, ctx.viewer, stepOf(input), contextOf(ctx)),
    );
  }

  @Mutation(() => InvitationPayload, { description: 'The inviting party marks its dialogue held.' })
  markInvitationHeld(
    @Arg('input', () => InvitationStepInput) input: InvitationStepInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('invitation', () =>
      authoring.markInvitationHeld(ctx.em, ctx.viewer, stepOf(input), contextOf(ctx)),
    );
  }

  @Mutation(() => InvitationPayload, {
    description: 'The inviting party or the coordinator closes an invitation whose feedback is published.',
  })
  closeInvitation(
    @Arg('input', () => InvitationStepInput) input: InvitationStepInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('invitation', () =>
      authoring.closeInvitation(ctx.em, ctx.viewer, stepOf(input), contextOf(ctx)),
    );
  }
}
