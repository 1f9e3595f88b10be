import {
  Arg,
  Ctx,
  Extensions,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
  registerEnumType,
} from 'type-graphql';
import { PrincipleKey, SubmissionKind, SubmissionStatus } from '@samverka/domain';
import type { GraphQLContext } from '../graphql/context.js';
import { PageInfo } from '../graphql/connection.js';
import { idOfType } from '../graphql/node.js';
import { LIVE_CURSOR, liveCursor } from '../live/live-cursor.js';
import { SUBMISSIONS_TOPIC } from '../live/publish.js';
import { Submission } from './submission.entity.js';
import {
  SortDirection,
  SubmissionOrderField,
  submissionAnswerTimes,
  submissionRegister,
} from './submission-register.queries.js';

registerEnumType(SubmissionOrderField, {
  name: 'SubmissionOrderField',
  description: 'What the register of matters is ordered by.',
  valuesConfig: {
    SUBMITTED_AT: { description: 'When the party submitted the matter.' },
    REGISTERED_AT: { description: 'When it was registered; unregistered matters last when newest first.' },
    UPDATED_AT: { description: 'When it last changed.' },
    REGISTRATION_NUMBER: { description: 'Year and running number of the registration number.' },
    RELEVANCE: { description: 'How well it matches the search text; without a search, as SUBMITTED_AT.' },
  },
});

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Ascending or descending.',
});

@InputType({ description: 'Filters of the register; each narrows the list, empty lists filter nothing.' })
export class SubmissionRegisterFilterInput {
  @Field(() => [SubmissionKind], { nullable: true, description: 'Only matters of these kinds.' })
  kinds?: SubmissionKind[] | null;

  @Field(() => [SubmissionStatus], {
    nullable: true,
    description: 'Only matters in these statuses (the counts per status ignore this filter).',
  })
  statuses?: SubmissionStatus[] | null;

  @Field(() => [PrincipleKey], {
    nullable: true,
    description: 'Only matters concerning any of these principles.',
  })
  principles?: PrincipleKey[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only public matters raised by this party (who raised a restricted matter is not public).',
  })
  partyId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only matters submitted this year (Swedish time).' })
  year?: number | null;
}

@InputType({ description: 'How the register is ordered.' })
export class SubmissionOrderInput {
  @Field(() => SubmissionOrderField, { description: 'The key.' })
  field!: SubmissionOrderField;

  @Field(() => SortDirection, { description: 'The direction.' })
  direction!: SortDirection;
}

@ObjectType({ description: 'How many matters of the search and filters are in a status.' })
export class SubmissionStatusCount {
  @Field(() => SubmissionStatus, { description: 'The status.' })
  status!: SubmissionStatus;

  @Field(() => Int, { description: 'Matters in it.' })
  count!: number;
}

@ObjectType('SubmissionRegisterEdge', { description: 'A matter of the register.' })
export class SubmissionRegisterEdge {
  @Field(() => String, { description: 'Cursor of this matter; pass it as `after` for the matters after it.' })
  cursor!: string;

  @Field(() => Submission, { description: 'The matter.' })
  node!: Submission;
}

@ObjectType({ description: 'A page of the public register of matters.' })
export class SubmissionRegisterConnection {
  @Field(() => [SubmissionRegisterEdge], { description: 'The matters of this page.' })
  edges!: SubmissionRegisterEdge[];

  @Field(() => PageInfo, { description: 'How to get the next page.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of matters matching the search and every filter.' })
  totalCount!: number;

  @Field(() => [SubmissionStatusCount], {
    description: 'Matters per status for the search and filters other than the status filter (for the tabs).',
  })
  countsByStatus!: SubmissionStatusCount[];
}

@ObjectType({ description: 'Time to answer of the matters of one year and kind.' })
export class SubmissionAnswerTime {
  @Field(() => Int, { description: 'The year the matters were submitted.' })
  year!: number;

  @Field(() => SubmissionKind, { description: 'Their kind.' })
  kind!: SubmissionKind;

  @Field(() => Int, { description: 'Matters answered.' })
  answered!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median days from submission to answer of the answered ones; null when none is answered.',
  })
  medianDaysToAnswer!: number | null;

  @Field(() => Int, {
    description: 'Matters still being handled (submitted, registered, referred, scheduled).',
  })
  open!: number;

  @Field(() => Float, { nullable: true, description: 'Median days since submission of the open ones.' })
  medianOpenDays!: number | null;

  @Field(() => Float, { nullable: true, description: 'Days since submission of the oldest open one.' })
  oldestOpenDays!: number | null;
}

@ObjectType({ description: 'The register changed; refetch the list.' })
export class SubmissionsChangedEvent {
  @Field(() => String, { description: 'Cursor of this event; pass it as `after` to resume after it.' })
  cursor!: string;

  @Field(() => String, {
    description:
      'The workflow step (e.g. REGISTER), COMMENT, or RESYNC when the events after your cursor could not all be ' +
      'replayed: refetch the whole list, changes after this cursor follow.',
  })
  kind!: string;
}

/** The public register: finding matters, and measuring how long they wait for an answer. */
@Resolver()
export class SubmissionRegisterResolver {
  @Query(() => SubmissionRegisterConnection, {
    description:
      'The public register of matters (never drafts), newest first unless ordered otherwise: Swedish full-text ' +
      'search, filters, counts per status. A restricted matter shows its number and status only and is found ' +
      'by its number, never by its content or party.',
  })
  submissions(
    @Ctx() { em }: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 20, at most 100).' })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor of the last matter of the previous page.',
    })
    after: string | null,
    @Arg('search', () => String, {
      nullable: true,
      description:
        'Words to find in Swedish (web search syntax: "a phrase", or, -not), or a registration number.',
    })
    search: string | null,
    @Arg('filter', () => SubmissionRegisterFilterInput, { nullable: true, description: 'Filters.' })
    filter: SubmissionRegisterFilterInput | null,
    @Arg('orderBy', () => SubmissionOrderInput, {
      nullable: true,
      description: 'The order; by default relevance when searching, else newest submitted first.',
    })
    orderBy: SubmissionOrderInput | null,
  ): Promise<SubmissionRegisterConnection> {
    const partyId = filter?.partyId ? idOfType(filter.partyId, 'Party') : null;
    return submissionRegister(em, {
      first,
      after,
      search,
      // An id that is no party's matches no matter, rather than filtering nothing.
      filter: filter
        ? { ...filter, partyId: filter.partyId ? (partyId ?? '00000000-0000-0000-0000-000000000000') : null }
        : null,
      orderBy,
    });
  }

  @Query(() => [SubmissionAnswerTime], {
    description:
      'Time to answer per year of submission and kind, newest year first: the public measure of whether the ' +
      "council's promise of dialogue is kept.",
  })
  submissionAnswerTimes(
    @Ctx() { em }: GraphQLContext,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year; every year when left out.' })
    year: number | null,
  ): Promise<SubmissionAnswerTime[]> {
    return submissionAnswerTimes(em, year);
  }

  @Query(() => String, {
    description:
      'Cursor of the latest change of the register this answer reflects; subscribe to submissionsChanged with it.',
  })
  @Extensions(LIVE_CURSOR)
  submissionsLiveCursor(@Ctx() ctx: GraphQLContext): Promise<string> {
    return liveCursor(ctx, SUBMISSIONS_TOPIC);
  }

  @Subscription(() => SubmissionsChangedEvent, {
    description:
      'A submitted matter changed (a step, a co-signature, a comment); refetch the register. Public.',
    subscribe: () => {
      throw new Error('submissionsChanged is served by the live hub');
    },
  })
  submissionsChanged(
    @Root() event: SubmissionsChangedEvent,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last event seen.' })
    _after: string | null,
  ): SubmissionsChangedEvent {
    return event;
  }
}

/** The matters' fields the register adds. */
@Resolver(() => Submission)
export class SubmissionRegisterFieldsResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Days from submission to answer; null while unanswered.',
  })
  daysToAnswer(@Root() submission: Submission): number | null {
    if (!submission.submittedAt || !submission.answeredAt) return null;
    return (
      Math.round(((submission.answeredAt.getTime() - submission.submittedAt.getTime()) / 86_400_000) * 10) /
      10
    );
  }
}
