import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ATTENDANCE_CHANGES,
  AttendanceChange,
  MeetingEventKind,
  MeetingStatus,
  TEXT_LIMITS,
  UserErrorCode,
  canRecordAttendance,
  normaliseText,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { InputProblems, userError } from '../graphql/user-error.js';
import { CouncilSeat } from '../council/council-seat.entity.js';
import { Person } from '../accounts/person.entity.js';
import { Attendee, AttendanceRecord } from './attendee.entity.js';
import { floorChange, type FloorLocked } from './floor-change.js';
import type { Meeting } from './meeting.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whose attendance to record: exactly one of an attendee already recorded, a member, or a new guest's name. */
export interface RecordAttendanceInput {
  meetingId: string | null;
  /** undefined: not given; null: given but not an attendee's id. */
  attendeeId?: string | null;
  personId?: string | null;
  name?: string | null;
  organisation?: string | null;
  change: AttendanceChange;
}

function checkInput(input: RecordAttendanceInput) {
  const name = normaliseText(input.name);
  const organisation = normaliseText(input.organisation);
  const problems = new InputProblems();
  const given = [input.attendeeId !== undefined, input.personId != null, name !== null].filter(Boolean);
  if (given.length !== 1) {
    problems.add('name', 'Välj en person i listan eller skriv namnet på en gäst.', UserErrorCode.REQUIRED);
  }
  if (name && name.length > TEXT_LIMITS.name) problems.tooLong('name', TEXT_LIMITS.name);
  if (organisation && organisation.length > TEXT_LIMITS.organisation) {
    problems.tooLong('organisation', TEXT_LIMITS.organisation);
  }
  problems.throwIfAny();
  return { name, organisation };
}

/**
 * A person's attendee row, made on first use: named as their seat of the forum names them, or (not a member,
 * such as an official with an account) by their account's name. Null when there is no such person.
 */
export async function personAttendee(tx: EntityManager, meeting: Meeting, personId: string) {
  const existing = await tx.findOne(Attendee, { meeting, person: personId });
  if (existing) return existing;
  const seat = await tx.findOne(
    CouncilSeat,
    { forum: meeting.forum.id, person: personId, endedAt: null },
    { orderBy: { position: 'asc' } },
  );
  if (seat) {
    return tx.create(Attendee, {
      meeting,
      person: personId,
      name: seat.holderName,
      organisation: seat.organisation ?? null,
    });
  }
  const person = await tx.findOne(Person, personId);
  return person ? tx.create(Attendee, { meeting, person, name: person.name }) : null;
}

async function attendeeOf(
  tx: EntityManager,
  meeting: Meeting,
  input: RecordAttendanceInput,
  guest: { name: string | null; organisation: string | null },
): Promise<Attendee> {
  if (input.attendeeId !== undefined) {
    const attendee = input.attendeeId ? await tx.findOne(Attendee, { id: input.attendeeId, meeting }) : null;
    if (!attendee)
      throw userError('attendeeId', 'Personen finns inte i mötets närvaro.', UserErrorCode.NOT_FOUND);
    return attendee;
  }
  if (input.personId) {
    const attendee = UUID.test(input.personId) ? await personAttendee(tx, meeting, input.personId) : null;
    if (!attendee) throw userError('personId', 'Personen finns inte.', UserErrorCode.NOT_FOUND);
    return attendee;
  }
  const name = guest.name!;
  if (await tx.findOne(Attendee, { meeting, name })) {
    throw userError(
      'name',
      'Någon med det namnet finns redan i närvaron; välj hen i listan.',
      UserErrorCode.DUPLICATE,
    );
  }
  return tx.create(Attendee, { meeting, name, organisation: guest.organisation });
}

/** Records that someone is present from the start, arrived, or left; a guest by name is added on first use. */
export function recordAttendance(em: EntityManager, viewer: Viewer | null, input: RecordAttendanceInput) {
  return floorChange(
    em,
    viewer,
    input.meetingId,
    'chair',
    async ({ meeting, current, now }: FloorLocked, tx) => {
      const guest = checkInput(input);
      const attendee = await attendeeOf(tx, meeting, input, guest);
      if (!canRecordAttendance(meeting.status, attendee.state, input.change)) {
        throw userError(
          'change',
          'Det går inte att registrera så för den här personen med mötet i det här läget.',
          UserErrorCode.INVALID_TRANSITION,
        );
      }
      const during = input.change === AttendanceChange.ARRIVED || input.change === AttendanceChange.LEFT;
      tx.create(AttendanceRecord, {
        attendee,
        change: input.change,
        recordedAt: now,
        agendaItem: during && meeting.status === MeetingStatus.IN_PROGRESS ? current : null,
      });
      attendee.state = ATTENDANCE_CHANGES[input.change].to;
      if (input.change === AttendanceChange.PRESENT_AT_START) attendee.presentAtStart = true;
      if (input.change === AttendanceChange.NOT_PRESENT_AT_START) attendee.presentAtStart = false;
      return MeetingEventKind.ATTENDANCE_RECORDED;
    },
  );
}
