import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { Input, Payload, field, id, int, text } from '../graphql/generated-types.js';
import { payloadWith } from '../graphql/payload.js';
import { idOfType } from '../graphql/node.js';
import { MinutesType } from './minutes.types.js';
import { recordedAttendance } from './minutes-attendance.js';
import { minutesForViewer } from './minutes.queries.js';
import * as minutes from './minutes.service.js';

const MinutesStepInput = Input(
  'MinutesStepInput',
  "Names a meeting's minutes and the version of their texts that was read.",
  {
    meetingId: id('The meeting whose minutes these are.'),
    expectedVersion: int('The version of the minutes read; a newer one refuses the step.'),
  },
);
type MinutesStepInput = InstanceType<typeof MinutesStepInput>;

const DraftMinutesInput = Input('DraftMinutesInput', 'Names the closed meeting to draft minutes of.', {
  meetingId: id('The meeting.'),
});
type DraftMinutesInput = InstanceType<typeof DraftMinutesInput>;

@InputType('MinutesParagraphCorrection', {
  description: 'Corrected texts of one paragraph; omitted fields stay, blank clears.',
})
class MinutesParagraphCorrection {
  @Field(() => Int, { description: 'The paragraph (§) number.' })
  number!: number;

  @Field(() => String, { nullable: true, description: 'The decision (beslut).' })
  decision?: string | null;

  @Field(() => String, { nullable: true, description: 'The minute (protokollsanteckning).' })
  minute?: string | null;
}

const EditMinutesInput = Input(
  'EditMinutesInput',
  "Corrections of a draft's texts. Omitted fields stay; blank text clears.",
  {
    ...MinutesStepInput.fields,
    openingNote: field<string | null>(() => String, 'Text before the paragraphs.', { nullable: true }),
    closingNote: field<string | null>(() => String, 'Text after the paragraphs.', { nullable: true }),
    paragraphs: field<MinutesParagraphCorrection[] | null>(
      () => [MinutesParagraphCorrection],
      'Corrected paragraphs.',
      { nullable: true },
    ),
  },
);
type EditMinutesInput = InstanceType<typeof EditMinutesInput>;

const RequestMinutesCorrectionInput = Input(
  'RequestMinutesCorrectionInput',
  'An approver sends the minutes back to the drafter with what to correct.',
  { ...MinutesStepInput.fields, note: text('What needs correcting.') },
);
type RequestMinutesCorrectionInput = InstanceType<typeof RequestMinutesCorrectionInput>;

const MinutesPayload = Payload(
  'MinutesPayload',
  'Result of a step on the minutes.',
  {
    minutes: field<MinutesType | null>(() => MinutesType, 'The minutes after the step; null when refused.', {
      nullable: true,
    }),
  },
  'Why the step was refused.',
);

@Resolver()
export class MinutesResolver {
  @Query(() => MinutesType, {
    nullable: true,
    description:
      "A meeting's minutes: published ones for everyone; drafts for the coordinator, the chair and the adjusters. Null otherwise.",
  })
  async minutes(
    @Arg('meetingId', () => ID, { description: 'The meeting.' }) meetingId: string,
    @Ctx() { em, viewer }: GraphQLContext,
  ): Promise<MinutesType | null> {
    const uuid = idOfType(meetingId, 'Meeting');
    return uuid ? minutesForViewer(em, viewer, uuid) : null;
  }

  @Mutation(() => MinutesPayload, {
    description: 'Drafts the minutes of a closed meeting from what was recorded.',
  })
  draftMinutes(@Arg('input', () => DraftMinutesInput) input: DraftMinutesInput, @Ctx() ctx: GraphQLContext) {
    return this.step(ctx, () =>
      minutes.draftMinutes(ctx.em, ctx.viewer, idOfType(input.meetingId, 'Meeting'), recordedAttendance),
    );
  }

  @Mutation(() => MinutesPayload, { description: "Corrects a draft's texts." })
  editMinutes(@Arg('input', () => EditMinutesInput) input: EditMinutesInput, @Ctx() ctx: GraphQLContext) {
    return this.step(ctx, () =>
      minutes.editMinutes(ctx.em, ctx.viewer, {
        ...stepInput(input),
        openingNote: input.openingNote,
        closingNote: input.closingNote,
        paragraphs: input.paragraphs,
      }),
    );
  }

  @Mutation(() => MinutesPayload, {
    description: 'Sends the draft to the chair and the adjusters for approval, by mail.',
  })
  sendMinutesForApproval(
    @Arg('input', () => MinutesStepInput) input: MinutesStepInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.step(ctx, () =>
      minutes.sendMinutesForApproval(ctx.em, ctx.viewer, ctx.outbox, stepInput(input)),
    );
  }

  @Mutation(() => MinutesPayload, {
    description: "Records the viewer's approval (justering) of the minutes.",
  })
  approveMinutes(@Arg('input', () => MinutesStepInput) input: MinutesStepInput, @Ctx() ctx: GraphQLContext) {
    return this.step(ctx, () => minutes.approveMinutes(ctx.em, ctx.viewer, stepInput(input)));
  }

  @Mutation(() => MinutesPayload, {
    description: 'Sends the minutes back to the drafter for a correction; approvals given so far lapse.',
  })
  requestMinutesCorrection(
    @Arg('input', () => RequestMinutesCorrectionInput) input: RequestMinutesCorrectionInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.step(ctx, () =>
      minutes.requestMinutesCorrection(ctx.em, ctx.viewer, { ...stepInput(input), note: input.note }),
    );
  }

  @Mutation(() => MinutesPayload, { description: 'Publishes approved minutes: a public page and PDF.' })
  publishMinutes(@Arg('input', () => MinutesStepInput) input: MinutesStepInput, @Ctx() ctx: GraphQLContext) {
    return this.step(ctx, () => minutes.publishMinutes(ctx.em, ctx.viewer, stepInput(input)));
  }

  /** Runs a step, then reads the minutes afresh as the viewer sees them now. */
  private step({ em, viewer }: GraphQLContext, run: () => Promise<string>) {
    return payloadWith('minutes', async () => {
      const meetingId = await run();
      return minutesForViewer(em.fork(), viewer, meetingId);
    });
  }
}

function stepInput(input: MinutesStepInput) {
  return { meetingId: idOfType(input.meetingId, 'Meeting'), expectedVersion: input.expectedVersion };
}
