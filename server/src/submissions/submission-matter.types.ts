import { Field, ID, ObjectType } from 'type-graphql';
import { SubmissionAction, SubmissionStatus } from '@samverka/domain';
import { Party } from '../parties/party.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Submission } from './submission.entity.js';

/** One entry of a matter's timeline as the viewer may read it. */
@ObjectType({
  description:
    "One step in a matter's timeline: a status change, a co-signature, the scheduling, the answer or a public comment.",
})
export class SubmissionTimelineEntry {
  @Field(() => ID, { description: 'The entry.' })
  id!: string;

  @Field(() => SubmissionAction, {
    nullable: true,
    description: 'The workflow step taken; null for a public comment.',
  })
  action!: SubmissionAction | null;

  @Field(() => SubmissionStatus, {
    nullable: true,
    description: 'The status before the step; null when it did not change the status.',
  })
  fromStatus!: SubmissionStatus | null;

  @Field(() => SubmissionStatus, {
    nullable: true,
    description: 'The status after the step; null for a public comment.',
  })
  toStatus!: SubmissionStatus | null;

  @Field(() => Date, { description: 'When it happened.' })
  occurredAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      "Who took the step; null for the meeting's decision, after the person deleted their account, or when the viewer may not read the matter's content.",
  })
  actorName!: string | null;

  @Field(() => Party, {
    nullable: true,
    description:
      "The party acted for (a co-signing party, the referred department); null when the viewer may not read the matter's content.",
  })
  party!: Party | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The reason, the answer or the comment; null when there is none or the viewer may not read the matter's content.",
  })
  text!: string | null;

  @Field(() => Meeting, {
    nullable: true,
    description: 'The meeting of a scheduling or of the answer, when the viewer may see that meeting.',
  })
  meeting!: Meeting | null;
}

/** A message of a matter's conversation, or an internal note. */
@ObjectType({ description: "A message in a matter's conversation, or an internal note." })
export class SubmissionMessageEntry {
  @Field(() => ID, { description: 'The message.' })
  id!: string;

  @Field(() => String, { description: 'What was written.' })
  body!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who wrote it; null after the person deleted their account.',
  })
  authorName!: string | null;

  @Field(() => Date, { description: 'When it was written.' })
  postedAt!: Date;
}

/** A change of one matter, for its page. */
@ObjectType({ description: 'A change of a matter: a step, a comment, a message or a note.' })
export class SubmissionChangedEvent {
  @Field(() => String, { description: 'Cursor of this event; pass it as `after` to resume after it.' })
  cursor!: string;

  @Field(() => String, {
    description:
      'What happened: the workflow step (e.g. REGISTER), COMMENT, MESSAGE or NOTE; RESYNC when the events after ' +
      'your cursor could not all be replayed and this is the matter as it is now.',
  })
  kind!: string;

  @Field(() => Submission, { description: 'The matter as it is now.' })
  submission!: Submission;
}
