import type { MeetingStatus } from '../../gql/graphql';

/** A member may answer (and change her answer) while the agenda is published and the meeting has not started. */
export function answerOpen(meeting: { status: MeetingStatus; startsAt: string }, now: Date): boolean {
  return meeting.status === 'AGENDA_PUBLISHED' && new Date(meeting.startsAt) > now;
}

/** The meeting's iCalendar file, served by the server (not the client's router). */
export function meetingIcsHref(meetingId: string): string {
  return `/kalender/moten/${meetingId}.ics`;
}
