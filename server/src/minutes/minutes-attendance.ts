import type { EntityManager } from '@mikro-orm/postgresql';
import { attendanceForMinutes } from '../meetings/attendance.js';

/** A person as the minutes name them. */
export interface MinutesPerson {
  name: string;
  organisation: string | null;
}

/**
 * The attendance section of the minutes: who was present from the start, which members were absent, and
 * who arrived or left during the meeting, when and under which item.
 */
export interface MinutesAttendance {
  present: MinutesPerson[];
  absent: MinutesPerson[];
  /** In time order. */
  changes: (MinutesPerson & {
    change: 'ARRIVED' | 'LEFT';
    at: Date;
    /** The item that was current then; its position is the paragraph's number. */
    agendaItem: { position: number; title: string } | null;
  })[];
}

/** Where the minutes take the attendance recorded during a meeting from. */
export type AttendanceSource = (em: EntityManager, meetingId: string) => Promise<MinutesAttendance>;

/** The attendance as stored with the minutes (JSON: times as ISO strings). */
export type StoredAttendance = Omit<MinutesAttendance, 'changes'> & {
  changes: (Omit<MinutesAttendance['changes'][number], 'at'> & { at: string })[];
};

/** The attendance the chair recorded during the meeting (meetings/attendance.ts). */
export const recordedAttendance: AttendanceSource = attendanceForMinutes;

export function storeAttendance(attendance: MinutesAttendance): StoredAttendance {
  return {
    present: attendance.present.map(({ name, organisation }) => ({ name, organisation })),
    absent: attendance.absent.map(({ name, organisation }) => ({ name, organisation })),
    changes: attendance.changes.map(({ name, organisation, change, at, agendaItem }) => ({
      name,
      organisation,
      change,
      at: at.toISOString(),
      agendaItem: agendaItem && { position: agendaItem.position, title: agendaItem.title },
    })),
  };
}

export function readAttendance(stored: StoredAttendance): MinutesAttendance {
  return { ...stored, changes: stored.changes.map((change) => ({ ...change, at: new Date(change.at) })) };
}
