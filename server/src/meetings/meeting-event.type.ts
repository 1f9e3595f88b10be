import { Field, ObjectType } from 'type-graphql';
import { MeetingEventKind } from '@samverka/domain';
import { Meeting } from './meeting.entity.js';

@ObjectType({ description: 'One change to a meeting, with the meeting as it is now.' })
export class MeetingEvent {
  @Field(() => String, { description: 'Cursor of this event; pass it as `after` to resume after it.' })
  cursor!: string;

  @Field(() => MeetingEventKind, {
    description: 'What happened; RESYNC when this is the meeting as it is now instead of the missed changes.',
  })
  kind!: MeetingEventKind;

  @Field(() => Date, { description: 'When it happened (for RESYNC: when the state was read).' })
  occurredAt!: Date;

  @Field(() => Meeting, { description: 'The meeting after the change.' })
  meeting!: Meeting;
}
