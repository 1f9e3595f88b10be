import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { SubmissionStatus } from '@samverka/domain';
import { PageInfo } from '../graphql/connection.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Submission } from './submission.entity.js';

@ObjectType({ description: "How many of a list's matters are in one status." })
export class PartySubmissionStatusCount {
  @Field(() => SubmissionStatus, { description: 'The status.' })
  status!: SubmissionStatus;

  @Field(() => Int, { description: 'How many matters are in it.' })
  count!: number;
}

@ObjectType({ description: "An edge to one of a party's matters." })
export class PartySubmissionEdge {
  @Field(() => String, { description: 'Cursor of this item.' })
  cursor!: string;

  @Field(() => Submission, { description: 'The matter.' })
  node!: Submission;
}

@ObjectType({
  description: "A page of a party's own matters, drafts included for its people, newest change first.",
})
export class PartySubmissionConnection {
  @Field(() => [PartySubmissionEdge], { description: 'The matters of this page.' })
  edges!: PartySubmissionEdge[];

  @Field(() => PageInfo, { description: 'How to get the next page.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of matters in the whole list (with the status filter).' })
  totalCount!: number;

  @Field(() => [PartySubmissionStatusCount], {
    description:
      "How many of the party's matters the viewer may see are in each status (statuses with none left out), whatever the filter.",
  })
  statusCounts!: PartySubmissionStatusCount[];
}

@ObjectType({ description: 'A matter in a section of the submission queue.' })
export class SubmissionQueueEntry {
  @Field(() => Submission, { description: 'The matter.' })
  submission!: Submission;

  @Field(() => Date, { description: 'When it entered its current status.' })
  since!: Date;

  @Field(() => Int, { description: 'Whole days it has waited in its current status.' })
  daysWaiting!: number;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'For a referred matter: the date the department is to answer by.',
  })
  dueOn!: string | null;

  @Field(() => Boolean, { description: 'A referred matter whose due date has passed without an answer.' })
  overdue!: boolean;

  @Field(() => Meeting, {
    nullable: true,
    description: 'For a scheduled matter: the meeting whose agenda it is on.',
  })
  meeting!: Meeting | null;
}

@ObjectType({ description: 'One section of the submission queue.' })
export class SubmissionQueueSection {
  @Field(() => Int, { description: 'How many matters are in the section.' })
  count!: number;

  @Field(() => [SubmissionQueueEntry], { description: 'The matters, in the order they are to be taken.' })
  entries!: SubmissionQueueEntry[];
}

@ObjectType({
  description:
    "The coordinator's work with the matters raised with Samverkansrådet, and a C-nätet representative's referrals.",
})
export class SubmissionQueue {
  @Field(() => Boolean, {
    description:
      "The viewer is the coordinator (or a convener of Samverkansrådet); otherwise the coordinator's sections are empty.",
  })
  coordinates!: boolean;

  @Field(() => SubmissionQueueSection, { description: 'Submitted, awaiting registration: oldest first.' })
  awaitingRegistration!: SubmissionQueueSection;

  @Field(() => SubmissionQueueSection, {
    description: 'Returned for completion, waiting for the party: oldest first.',
  })
  returned!: SubmissionQueueSection;

  @Field(() => SubmissionQueueSection, {
    description:
      'Referred to a department for a written answer: earliest due date first, so overdue ones lead.',
  })
  referred!: SubmissionQueueSection;

  @Field(() => SubmissionQueueSection, { description: 'Registered, not yet scheduled: oldest first.' })
  registered!: SubmissionQueueSection;

  @Field(() => SubmissionQueueSection, { description: 'Scheduled for a meeting: the soonest meeting first.' })
  scheduled!: SubmissionQueueSection;

  @Field(() => SubmissionQueueSection, { description: 'Answered, to be closed: oldest first.' })
  answered!: SubmissionQueueSection;

  @Field(() => SubmissionQueueSection, {
    description:
      'Referred to a department whose C-nätet representative the viewer is: theirs to answer, earliest due date first.',
  })
  referredToViewer!: SubmissionQueueSection;
}

@ObjectType({ description: 'The submission queue changed; refetch it.' })
export class SubmissionQueueEvent {
  @Field(() => String, { description: 'Cursor of this event; pass it as `after` to resume after it.' })
  cursor!: string;

  @Field(() => String, {
    description:
      'What happened, e.g. REGISTER; RESYNC when the events after your cursor could not all be replayed: refetch ' +
      'the whole queue, changes after this cursor follow.',
  })
  kind!: string;
}

@ObjectType({ description: "A party's list of matters changed; refetch it." })
export class PartySubmissionsEvent {
  @Field(() => String, { description: 'Cursor of this event; pass it as `after` to resume after it.' })
  cursor!: string;

  @Field(() => String, {
    description:
      'What happened, e.g. REGISTER; RESYNC when the events after your cursor could not all be replayed: refetch ' +
      'the whole list, changes after this cursor follow.',
  })
  kind!: string;
}
