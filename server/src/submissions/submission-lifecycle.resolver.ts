import { Arg, Ctx, Extensions, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { PrincipleKey } from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { payloadWith } from '../graphql/payload.js';
import { PERSON_DEPENDENT } from '../live/audience.js';
import { Party } from '../parties/party.entity.js';
import { Activity } from '../activity-plan/activity.entity.js';
import { DocumentFile } from '../documents/document-file.type.js';
import { Submission } from './submission.entity.js';
import { readableContent } from './submission.queries.js';
import { submissionLoaders } from './submission-loaders.js';
import { submissionDocuments } from '../documents/document.queries.js';
import * as lifecycle from './submission-lifecycle.service.js';
import {
  AnswerSubmissionInWritingInput,
  CosignSubmissionInput,
  CreateSubmissionDraftInput,
  DecideSubmissionPublicationInput,
  ReferSubmissionInput,
  SubmissionReasonInput,
  SubmissionStepInput,
  SubmissionStepPayload,
  UpdateSubmissionDraftInput,
  WithdrawSubmissionInput,
  contentOf,
  partyIdOf,
  submissionIdOf,
} from './submission-input.js';

const stepOf = (input: { submissionId: string; expectedVersion: number }) => ({
  submissionId: submissionIdOf(input.submissionId),
  expectedVersion: input.expectedVersion,
});

const contextOf = ({ outbox, registration }: GraphQLContext) => ({ outbox, registration });

/** The workflow of a matter, from draft to closed, and the fields the draft form and the actions read. */
@Resolver(() => Submission)
export class SubmissionLifecycleResolver {
  @FieldResolver(() => [PrincipleKey], {
    description:
      'The principles of the agreement it concerns; empty when the viewer may not read the content.',
  })
  @Extensions(PERSON_DEPENDENT)
  async principles(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return (await readableContent(em, viewer, submission))?.principles ?? [];
  }

  @FieldResolver(() => [Int], {
    description:
      'The commitments it concerns, by position 1–6; empty when the viewer may not read the content.',
  })
  @Extensions(PERSON_DEPENDENT)
  async commitments(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return (await readableContent(em, viewer, submission))?.commitments ?? [];
  }

  @FieldResolver(() => Activity, {
    nullable: true,
    description:
      'The activity of the plan it relates to; null when none or the viewer may not read the content.',
  })
  @Extensions(PERSON_DEPENDENT)
  async activity(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    if (!submission.activity || !(await readableContent(em, viewer, submission))) return null;
    return submission.activity.load({ dataloader: true });
  }

  @FieldResolver(() => [DocumentFile], {
    description: 'Its documents, in the order attached; empty when the viewer may not read the content.',
  })
  @Extensions(PERSON_DEPENDENT)
  async documents(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    if (!(await readableContent(em, viewer, submission))) return [];
    return submissionDocuments(em, submission.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The reason given with the current status (returned, declined, withdrawn); null when none or not readable.',
  })
  @Extensions(PERSON_DEPENDENT)
  async statusReason(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return (await readableContent(em, viewer, submission))?.statusReason ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The answer: the meeting's decision or the department's written answer; null until answered.",
  })
  @Extensions(PERSON_DEPENDENT)
  async answer(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return (await readableContent(em, viewer, submission))?.answer ?? null;
  }

  @FieldResolver(() => Party, {
    nullable: true,
    description: 'The department asked for a written answer; null when none or not readable.',
  })
  @Extensions(PERSON_DEPENDENT)
  async referredTo(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    if (!submission.referredTo || !(await readableContent(em, viewer, submission))) return null;
    return submission.referredTo.load({ dataloader: true });
  }

  @FieldResolver(() => [Party], {
    description: 'The other parties standing behind it, in the order they signed; empty when not readable.',
  })
  @Extensions(PERSON_DEPENDENT)
  async cosigners(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    if (!(await readableContent(em, viewer, submission))) return [];
    const rows = await submissionLoaders(em).cosignatures.load(submission.id);
    return Promise.all(rows.map((row) => row.party.load({ dataloader: true })));
  }

  @Mutation(() => SubmissionStepPayload, {
    description: 'A member of a joined party starts a draft on its behalf; only the party sees drafts.',
  })
  createSubmissionDraft(
    @Arg('input', () => CreateSubmissionDraftInput) input: CreateSubmissionDraftInput,
    @Ctx() { em, viewer }: GraphQLContext,
  ) {
    return payloadWith('submission', () =>
      lifecycle.createSubmissionDraft(em, viewer, { partyId: partyIdOf(input.partyId), ...contentOf(input) }),
    );
  }

  @Mutation(() => SubmissionStepPayload, {
    description: 'The party edits its draft, or a matter returned for completion.',
  })
  updateSubmissionDraft(
    @Arg('input', () => UpdateSubmissionDraftInput) input: UpdateSubmissionDraftInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('submission', () =>
      lifecycle.updateSubmissionDraft(
        ctx.em,
        ctx.viewer,
        { ...stepOf(input), ...contentOf(input) },
        contextOf(ctx),
      ),
    );
  }

  @Mutation(() => SubmissionStepPayload, {
    description: 'The party submits its draft, or its completed matter, to Samverkansrådet.',
  })
  submitSubmission(
    @Arg('input', () => SubmissionStepInput) input: SubmissionStepInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('submission', () =>
      lifecycle.submitSubmission(ctx.em, ctx.viewer, stepOf(input), contextOf(ctx)),
    );
  }

  @Mutation(() => SubmissionStepPayload, { description: 'The party withdraws its matter.' })
  withdrawSubmission(
    @Arg('input', () => WithdrawSubmissionInput) input: WithdrawSubmissionInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('submission', () =>
      lifecycle.withdrawSubmission(
        ctx.em,
        ctx.viewer,
        { ...stepOf(input), reason: input.reason },
        contextOf(ctx),
      ),
    );
  }

  @Mutation(() => SubmissionStepPayload, {
    description:
      'The coordinator returns a submitted matter for the party to complete, saying what is missing.',
  })
  returnSubmissionForCompletion(
    @Arg('input', () => SubmissionReasonInput) input: SubmissionReasonInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('submission', () =>
      lifecycle.returnSubmissionForCompletion(
        ctx.em,
        ctx.viewer,
        { ...stepOf(input), reason: input.reason },
        contextOf(ctx),
      ),
    );
  }

  @Mutation(() => SubmissionStepPayload, {
    description: 'The coordinator registers a submitted matter, giving it the next registration number.',
  })
  registerSubmission(
    @Arg('input', () => SubmissionStepInput) input: SubmissionStepInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('submission', () =>
      lifecycle.registerSubmission(ctx.em, ctx.viewer, stepOf(input), contextOf(ctx)),
    );
  }

  @Mutation(() => SubmissionStepPayload, {
    description: "The coordinator declines the matter with a stated reason (outside the agreement's scope).",
  })
  declineSubmission(
    @Arg('input', () => SubmissionReasonInput) input: SubmissionReasonInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('submission', () =>
      lifecycle.declineSubmission(
        ctx.em,
        ctx.viewer,
        { ...stepOf(input), reason: input.reason },
        contextOf(ctx),
      ),
    );
  }

  @Mutation(() => SubmissionStepPayload, {
    description: 'The coordinator refers a registered matter to a municipal department for a written answer.',
  })
  referSubmission(
    @Arg('input', () => ReferSubmissionInput) input: ReferSubmissionInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('submission', () =>
      lifecycle.referSubmission(
        ctx.em,
        ctx.viewer,
        { ...stepOf(input), departmentId: partyIdOf(input.departmentId), answerDueOn: input.answerDueOn },
        contextOf(ctx),
      ),
    );
  }

  @Mutation(() => SubmissionStepPayload, {
    description:
      "The department's C-nätet representative, or the coordinator, answers a referred matter in writing.",
  })
  answerSubmissionInWriting(
    @Arg('input', () => AnswerSubmissionInWritingInput) input: AnswerSubmissionInWritingInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('submission', () =>
      lifecycle.answerSubmissionInWriting(
        ctx.em,
        ctx.viewer,
        { ...stepOf(input), answer: input.answer },
        contextOf(ctx),
      ),
    );
  }

  @Mutation(() => SubmissionStepPayload, { description: 'The coordinator closes an answered matter.' })
  closeSubmission(
    @Arg('input', () => SubmissionStepInput) input: SubmissionStepInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('submission', () =>
      lifecycle.closeSubmission(ctx.em, ctx.viewer, stepOf(input), contextOf(ctx)),
    );
  }

  @Mutation(() => SubmissionStepPayload, {
    description: 'A member of another joined party puts that party behind the matter (co-signs it).',
  })
  cosignSubmission(
    @Arg('input', () => CosignSubmissionInput) input: CosignSubmissionInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('submission', () =>
      lifecycle.cosignSubmission(
        ctx.em,
        ctx.viewer,
        { submissionId: submissionIdOf(input.submissionId), partyId: partyIdOf(input.partyId) },
        contextOf(ctx),
      ),
    );
  }

  @Mutation(() => SubmissionStepPayload, {
    description: 'The coordinator decides whether the matter is public or handled without publication.',
  })
  decideSubmissionPublication(
    @Arg('input', () => DecideSubmissionPublicationInput) input: DecideSubmissionPublicationInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('submission', () =>
      lifecycle.decideSubmissionPublication(
        ctx.em,
        ctx.viewer,
        { ...stepOf(input), publication: input.publication, reason: input.reason },
        contextOf(ctx),
      ),
    );
  }
}
