import type { EntityManager } from '@mikro-orm/postgresql';
import { AttendanceChange, AttendanceState } from '@samverka/domain';
import { CouncilSeat } from '../council/council-seat.entity.js';
import { Attendee, AttendanceRecord } from './attendee.entity.js';
import { Meeting } from './meeting.entity.js';

/** One recorded change of someone's attendance. */
export interface AttendanceChangeLine {
  change: AttendanceChange;
  recordedAt: Date;
  /** The item that was current when it happened, in a running meeting (arrivals and departures). */
  agendaItem: { id: string; position: number; title: string } | null;
}

/** One person of a meeting's attendance: every current member of the forum, and everyone recorded. */
export interface AttendanceLine {
  /** The attendee row's uuid; null for a member of whom nothing is recorded yet. */
  attendeeId: string | null;
  /** The person's uuid, for members and others with an account. */
  personId: string | null;
  name: string;
  organisation: string | null;
  /** Holds a current seat of the forum. */
  member: boolean;
  state: AttendanceState;
  presentAtStart: boolean;
  /** Oldest first. */
  changes: AttendanceChangeLine[];
}

/**
 * The meeting's attendance: members in seat order, then the chair and adjusters without a seat of whom nothing
 * is recorded yet, then everyone else in the order first recorded.
 */
export async function meetingAttendance(em: EntityManager, meetingId: string): Promise<AttendanceLine[]> {
  const meeting = await em.findOne(Meeting, meetingId, { populate: ['chair', 'adjusters.person'] });
  if (!meeting) return [];
  const seats = await em.find(
    CouncilSeat,
    { forum: meeting.forum.id, person: { $ne: null }, endedAt: null },
    { orderBy: { position: 'asc' } },
  );
  const attendees = await em.find(Attendee, { meeting: meetingId });
  const records = await em.find(
    AttendanceRecord,
    { attendee: { meeting: meetingId } },
    { populate: ['agendaItem'], orderBy: { recordedAt: 'asc', id: 'asc' } },
  );
  const changesOf = (attendee: Attendee): AttendanceChangeLine[] =>
    records
      .filter((record) => record.attendee.id === attendee.id)
      .map((record) => {
        const item = record.agendaItem?.getEntity();
        return {
          change: record.change,
          recordedAt: record.recordedAt,
          agendaItem: item ? { id: item.id, position: item.position, title: item.title } : null,
        };
      });
  const line = (attendee: Attendee, member: boolean): AttendanceLine => ({
    attendeeId: attendee.id,
    personId: attendee.person?.id ?? null,
    name: attendee.name,
    organisation: attendee.organisation ?? null,
    member,
    state: attendee.state,
    presentAtStart: attendee.presentAtStart,
    changes: changesOf(attendee),
  });
  const memberIds = new Set<string>();
  const members = seats
    .filter((seat) => {
      const fresh = !memberIds.has(seat.person!.id);
      memberIds.add(seat.person!.id);
      return fresh;
    })
    .map((seat) => {
      const attendee = attendees.find((candidate) => candidate.person?.id === seat.person!.id);
      if (attendee) return line(attendee, true);
      return {
        attendeeId: null,
        personId: seat.person!.id,
        name: seat.holderName,
        organisation: seat.organisation ?? null,
        member: true,
        state: AttendanceState.ABSENT,
        presentAtStart: false,
        changes: [],
      };
    });
  const firstRecorded = (attendee: Attendee) =>
    records.find((record) => record.attendee.id === attendee.id)?.recordedAt.getTime() ?? Infinity;
  const others = attendees
    .filter((attendee) => !attendee.person || !memberIds.has(attendee.person.id))
    .filter((attendee) => firstRecorded(attendee) !== Infinity)
    .sort((a, b) => firstRecorded(a) - firstRecorded(b));
  // The notice calls them too: listed so the chair records them by person, who may then ask for the floor.
  const invited = [
    ...(meeting.chair ? [meeting.chair.getEntity()] : []),
    ...meeting.adjusters.getItems().map((adjuster) => adjuster.person.getEntity()),
  ];
  const unrecorded = [...new Map(invited.map((person) => [person.id, person])).values()]
    .filter((person) => !memberIds.has(person.id))
    .filter((person) => !others.some((attendee) => attendee.person?.id === person.id))
    .map((person): AttendanceLine => ({
      attendeeId: null,
      personId: person.id,
      name: person.name,
      organisation: null,
      member: false,
      state: AttendanceState.ABSENT,
      presentAtStart: false,
      changes: [],
    }));
  return [...members, ...unrecorded, ...others.map((attendee) => line(attendee, false))];
}

/** A person as the minutes name them. */
export interface MinutesPerson {
  name: string;
  organisation: string | null;
  member: boolean;
}

/** Attendance as the minutes (protokoll) list it. */
export interface MinutesAttendance {
  /** Present from the start (roll call), members first. */
  present: MinutesPerson[];
  /** Members never present during the meeting. */
  absent: MinutesPerson[];
  /** Arrivals and departures during the meeting, in time order, with the item then current. */
  changes: (MinutesPerson & {
    change: AttendanceChange.ARRIVED | AttendanceChange.LEFT;
    at: Date;
    agendaItem: { position: number; title: string } | null;
  })[];
}

/**
 * The attendance for the minutes: who was present from the start, which members were absent, and who arrived
 * or left when. Plain data; an unknown meeting gives empty lists.
 */
export async function attendanceForMinutes(em: EntityManager, meetingId: string): Promise<MinutesAttendance> {
  const lines = await meetingAttendance(em, meetingId);
  const person = (line: AttendanceLine): MinutesPerson => ({
    name: line.name,
    organisation: line.organisation,
    member: line.member,
  });
  const during = (line: AttendanceLine) =>
    line.changes.filter(
      (change) => change.change === AttendanceChange.ARRIVED || change.change === AttendanceChange.LEFT,
    );
  return {
    present: lines.filter((line) => line.presentAtStart).map(person),
    absent: lines
      .filter((line) => line.member && !line.presentAtStart && during(line).length === 0)
      .map(person),
    changes: lines
      .flatMap((line) =>
        during(line).map((change) => ({
          ...person(line),
          change: change.change as AttendanceChange.ARRIVED | AttendanceChange.LEFT,
          at: change.recordedAt,
          agendaItem: change.agendaItem && {
            position: change.agendaItem.position,
            title: change.agendaItem.title,
          },
        })),
      )
      .sort((a, b) => a.at.getTime() - b.at.getTime()),
  };
}
