import { Arg, Ctx, Extensions, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PERSON_DEPENDENT } from '../live/audience.js';
import { Input, Payload, field, id, int } from '../graphql/generated-types.js';
import type { GraphQLContext } from '../graphql/context.js';
import { payloadOf, payloadWith } from '../graphql/payload.js';
import { idOfType } from '../graphql/node.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Submission } from './submission.entity.js';
import * as scheduling from './submission-scheduling.service.js';
import { submissionsOnAgendaItem } from './submission-scheduling.queries.js';
import { submissionScheduledOn } from './submission-matter.queries.js';

const SUBMISSION_EDIT = {
  submissionId: id('The matter.'),
  expectedVersion: int("The matter's version the scheduler saw; a newer one refuses the change."),
};

const ScheduleSubmissionInput = Input(
  'ScheduleSubmissionInput',
  'Puts a registered or referred matter on the agenda of an upcoming Samverkansrådet meeting.',
  {
    ...SUBMISSION_EDIT,
    meetingId: id('The meeting: of Samverkansrådet, not started, held or cancelled.'),
    agendaItemId: field<string | null>(
      () => ID,
      'An existing pending item of that meeting; when omitted a new decision item is added last.',
      { nullable: true },
    ),
  },
);
type ScheduleSubmissionInput = InstanceType<typeof ScheduleSubmissionInput>;

const UnscheduleSubmissionInput = Input(
  'UnscheduleSubmissionInput',
  'Takes a scheduled matter off its meeting; the agenda item stays.',
  SUBMISSION_EDIT,
);
type UnscheduleSubmissionInput = InstanceType<typeof UnscheduleSubmissionInput>;

const ScheduleSubmissionPayload = Payload(
  'ScheduleSubmissionPayload',
  'Result of scheduling a matter: the matter and the meeting it is now on.',
  {
    submission: field<Submission | null>(
      () => Submission,
      'The matter after the change; null when refused.',
      {
        nullable: true,
      },
    ),
    meeting: field<Meeting | null>(() => Meeting, 'The meeting with its agenda; null when refused.', {
      nullable: true,
    }),
  },
  'Why the scheduling was refused, each at its field.',
);

const UnscheduleSubmissionPayload = Payload(
  'UnscheduleSubmissionPayload',
  'Result of taking a matter off its meeting.',
  {
    submission: field<Submission | null>(
      () => Submission,
      'The matter after the change; null when refused.',
      {
        nullable: true,
      },
    ),
  },
  'Why the change was refused, each at its field.',
);

/** Scheduling matters onto the council's agenda, from the matter or from the agenda builder. */
@Resolver(() => Submission)
export class SubmissionSchedulingResolver {
  @Mutation(() => ScheduleSubmissionPayload, {
    description:
      'Schedules a registered or referred matter for a Samverkansrådet meeting: on a new decision item or an existing pending one.',
  })
  scheduleSubmission(
    @Arg('input', () => ScheduleSubmissionInput) input: ScheduleSubmissionInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadOf<{ submission: Submission | null; meeting: Meeting | null }>(
      { submission: null, meeting: null },
      () =>
        scheduling.scheduleSubmission(ctx, {
          submissionId: idOfType(input.submissionId, 'Submission'),
          expectedVersion: input.expectedVersion,
          meetingId: idOfType(input.meetingId, 'Meeting'),
          agendaItemId: input.agendaItemId ? idOfType(input.agendaItemId, 'AgendaItem') : undefined,
        }),
    );
  }

  @Mutation(() => UnscheduleSubmissionPayload, {
    description: 'Takes a scheduled matter off its meeting, back to registered; the agenda item stays.',
  })
  unscheduleSubmission(
    @Arg('input', () => UnscheduleSubmissionInput) input: UnscheduleSubmissionInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return payloadWith('submission', () =>
      scheduling.unscheduleSubmission(ctx, {
        submissionId: idOfType(input.submissionId, 'Submission'),
        expectedVersion: input.expectedVersion,
      }),
    );
  }

  @Query(() => [Submission], {
    description:
      "Registered and referred matters ready to be put on Samverkansrådet's agenda, oldest first: for the coordinator and the council's conveners.",
  })
  schedulableSubmissions(@Ctx() { em, viewer }: GraphQLContext) {
    return scheduling.schedulableSubmissions(em, viewer);
  }

  @FieldResolver(() => Meeting, {
    nullable: true,
    description:
      'The meeting the matter is scheduled for, or was answered at; null when none, or a draft the viewer may not see.',
  })
  @Extensions(PERSON_DEPENDENT)
  async scheduledMeeting(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return (await submissionScheduledOn(em, viewer, submission))?.meeting ?? null;
  }

  @FieldResolver(() => AgendaItem, {
    nullable: true,
    description: 'The agenda item of scheduledMeeting the matter is on; null when none.',
  })
  @Extensions(PERSON_DEPENDENT)
  async scheduledAgendaItem(@Root() submission: Submission, @Ctx() { em, viewer }: GraphQLContext) {
    return (await submissionScheduledOn(em, viewer, submission))?.item ?? null;
  }
}

/** The matters on an agenda item, shown on the meeting page, the live view and the projector. */
@Resolver(() => AgendaItem)
export class AgendaItemSubmissionsResolver {
  @FieldResolver(() => [Submission], {
    description: 'The matters scheduled on this item, or answered by its decision, in registration order.',
  })
  submissions(@Root() item: { id: string }, @Ctx() { em }: GraphQLContext) {
    return submissionsOnAgendaItem(em, item.id);
  }
}
