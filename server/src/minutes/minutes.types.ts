import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MinutesAction, MinutesStatus } from '@samverka/domain';
import { ApproverRole } from './minutes.entity.js';

registerEnumType(MinutesStatus, {
  name: 'MinutesStatus',
  description: 'Where minutes are: DRAFT, SENT_FOR_APPROVAL, APPROVED (justerat) by all, PUBLISHED.',
});
registerEnumType(MinutesAction, {
  name: 'MinutesAction',
  description: 'A step of the minutes workflow (the table in packages/domain).',
});
registerEnumType(ApproverRole, {
  name: 'ApproverRole',
  description: 'Why someone approves the minutes: as the chair or as an adjuster (justerare).',
});

@ObjectType('MinutesPerson', { description: 'A person as the minutes name them.' })
export class MinutesPersonType {
  @Field(() => String, { description: 'Their name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The organisation they represent.' })
  organisation!: string | null;
}

@ObjectType('MinutesAttendanceChange', { description: 'Someone who arrived or left during the meeting.' })
export class MinutesAttendanceChange extends MinutesPersonType {
  @Field(() => Boolean, { description: 'True: arrived; false: left.' })
  arrived!: boolean;

  @Field(() => Date, { description: 'When.' })
  at!: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'The paragraph (§) of the item that was current then.',
  })
  paragraph!: number | null;
}

@ObjectType('MinutesAttendance', { description: 'The attendance section of the minutes.' })
export class MinutesAttendanceType {
  @Field(() => [MinutesPersonType], { description: 'Present from the start.' })
  present!: MinutesPersonType[];

  @Field(() => [MinutesPersonType], { description: 'Members of the forum who were not there.' })
  absent!: MinutesPersonType[];

  @Field(() => [MinutesAttendanceChange], { description: 'Arrivals and departures, in time order.' })
  changes!: MinutesAttendanceChange[];
}

@ObjectType('MinutesMeeting', { description: 'The meeting the minutes record.' })
export class MinutesMeetingType {
  @Field(() => ID, { description: 'The meeting (global id).' })
  id!: string;

  @Field(() => String, { description: 'Title of the meeting.' })
  title!: string;

  @Field(() => String, { description: 'The forum that met.' })
  forumName!: string;

  @Field(() => Date, { description: 'Planned start.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'Planned end.' })
  endsAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the chair opened the meeting.' })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the chair closed the meeting.' })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Where it was held.' })
  location!: string | null;

  @Field(() => String, { nullable: true, description: 'The digital link, if it was held online too.' })
  digitalLink!: string | null;

  @Field(() => String, { nullable: true, description: 'The chair (ordförande).' })
  chairName!: string | null;

  @Field(() => [String], { description: 'The adjusters (justerare), in order.' })
  adjusterNames!: string[];
}

@ObjectType('MinutesParagraph', {
  description: 'One paragraph (§) of the minutes: an agenda item with its decision and minute.',
})
export class MinutesParagraphType {
  @Field(() => Int, { description: 'The paragraph number, from 1 in agenda order.' })
  number!: number;

  @Field(() => String, { description: "The item's title." })
  title!: string;

  @Field(() => Boolean, { description: 'The item was deferred (bordlagd).' })
  deferred!: boolean;

  @Field(() => String, { nullable: true, description: 'The decision (beslut).' })
  decision!: string | null;

  @Field(() => String, { nullable: true, description: 'The minute (protokollsanteckning).' })
  minute!: string | null;
}

@ObjectType('MinutesApproval', { description: "One approver's part: who, as what, and when they approved." })
export class MinutesApprovalType {
  @Field(() => String, { description: 'The approver.' })
  name!: string;

  @Field(() => ApproverRole, { description: 'As chair or as adjuster.' })
  role!: ApproverRole;

  @Field(() => Date, { nullable: true, description: 'When they approved; null while they have not.' })
  approvedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When they last asked for a correction.' })
  correctionRequestedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'What they asked to be corrected.' })
  correctionNote!: string | null;
}

@ObjectType('Minutes', { description: "A meeting's minutes (protokoll)." })
export class MinutesType {
  @Field(() => MinutesStatus, { description: 'Where the minutes are in their workflow.' })
  status!: MinutesStatus;

  @Field(() => Int, {
    description:
      'Version of the texts; send it as expectedVersion, so nobody approves text they did not read.',
  })
  version!: number;

  @Field(() => MinutesMeetingType, { description: 'The meeting recorded.' })
  meeting!: MinutesMeetingType;

  @Field(() => String, { nullable: true, description: 'Text before the paragraphs.' })
  openingNote!: string | null;

  @Field(() => String, { nullable: true, description: 'Text after the paragraphs.' })
  closingNote!: string | null;

  @Field(() => MinutesAttendanceType, { description: 'Who attended, as recorded during the meeting.' })
  attendance!: MinutesAttendanceType;

  @Field(() => [MinutesParagraphType], { description: 'The paragraphs, § 1 first.' })
  paragraphs!: MinutesParagraphType[];

  @Field(() => [MinutesApprovalType], {
    description: 'The approval record: the chair, then the adjusters. Empty until sent.',
  })
  approvals!: MinutesApprovalType[];

  @Field(() => Date, { description: 'When the minutes were drafted.' })
  draftedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When they were sent for approval.' })
  sentAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the last approver approved.' })
  approvedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When they were published.' })
  publishedAt!: Date | null;

  @Field(() => [MinutesAction], { description: 'The steps the viewer may take now.' })
  viewerActions!: MinutesAction[];

  @Field(() => String, { nullable: true, description: 'Address of the tagged PDF, once published.' })
  pdfUrl!: string | null;
}
