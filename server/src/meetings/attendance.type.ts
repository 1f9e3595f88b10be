import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AttendanceChange, AttendanceState } from '@samverka/domain';
import { toGlobalId } from '../graphql/node.js';
import type { AttendanceChangeLine, AttendanceLine } from './attendance.js';
import './floor-enums.js';

@ObjectType({ description: 'The agenda item current when an attendance change happened.' })
export class AttendanceAgendaItem {
  @Field(() => ID, { description: "The agenda item's global id." })
  readonly id: string;

  @Field(() => Int, { description: 'Its position in the agenda.' })
  readonly position: number;

  @Field(() => String, { description: 'Its title.' })
  readonly title: string;

  constructor(item: NonNullable<AttendanceChangeLine['agendaItem']>) {
    this.id = toGlobalId('AgendaItem', item.id);
    this.position = item.position;
    this.title = item.title;
  }
}

@ObjectType({ description: "One recorded change of someone's attendance." })
export class AttendanceRecordType {
  @Field(() => AttendanceChange, { description: 'What was recorded.' })
  readonly change: AttendanceChange;

  @Field(() => Date, { description: 'When.' })
  readonly recordedAt: Date;

  @Field(() => AttendanceAgendaItem, {
    nullable: true,
    description: 'The item current when someone arrived or left during the meeting.',
  })
  readonly agendaItem: AttendanceAgendaItem | null;

  constructor(line: AttendanceChangeLine) {
    this.change = line.change;
    this.recordedAt = line.recordedAt;
    this.agendaItem = line.agendaItem && new AttendanceAgendaItem(line.agendaItem);
  }
}

@ObjectType('Attendee', {
  description:
    "One person of a meeting's attendance (närvaro): a member of the forum or another recorded person.",
})
export class AttendeeType {
  @Field(() => ID, {
    nullable: true,
    description: 'Global id of the attendance row; null for a member of whom nothing is recorded yet.',
  })
  readonly id: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The person's id (as viewer.id), when they have an account.",
  })
  readonly personId: string | null;

  @Field(() => String, { description: 'Name.' })
  readonly name: string;

  @Field(() => String, { nullable: true, description: 'The organisation or role they come for.' })
  readonly organisation: string | null;

  @Field(() => Boolean, { description: 'True for a member of the forum (a current seat).' })
  readonly member: boolean;

  @Field(() => AttendanceState, { description: 'Present, absent or left, now.' })
  readonly state: AttendanceState;

  @Field(() => Boolean, { description: 'Recorded present from the start (roll call).' })
  readonly presentAtStart: boolean;

  @Field(() => [AttendanceRecordType], { description: 'What was recorded, oldest first.' })
  readonly records: AttendanceRecordType[];

  constructor(line: AttendanceLine) {
    this.id = line.attendeeId && toGlobalId('Attendee', line.attendeeId);
    this.personId = line.personId;
    this.name = line.name;
    this.organisation = line.organisation;
    this.member = line.member;
    this.state = line.state;
    this.presentAtStart = line.presentAtStart;
    this.records = line.changes.map((change) => new AttendanceRecordType(change));
  }
}
