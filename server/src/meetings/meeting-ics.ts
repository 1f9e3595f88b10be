import ical, { ICalCalendarMethod, ICalEventStatus, type ICalEventData } from 'ical-generator';

/** What an iCalendar event of a meeting shows; plain data, so a notice job can carry it as JSON. */
export interface MeetingEventData {
  meetingId: string;
  title: string;
  forumName: string;
  /** ISO 8601 instants. */
  startsAt: string;
  endsAt: string;
  location: string | null;
  accessibility: string | null;
  digitalLink: string | null;
  cancelled: boolean;
  /** Grows with every notice of the meeting, so calendars take the newest one. */
  sequence: number;
  /** When this version of the event was made (DTSTAMP). */
  stamp: string;
}

/** The same UID in every notice and feed, so calendars update or cancel the one event they hold. */
export function meetingUid(meetingId: string): string {
  return `meeting-${meetingId}@samverka`;
}

function description(event: MeetingEventData, pageUrl: string): string {
  return [
    event.forumName,
    event.accessibility ? `Tillgänglighet / Accessibility: ${event.accessibility}` : null,
    event.digitalLink ? `Digitalt / Online: ${event.digitalLink}` : null,
    `Dagordning och svar / Agenda and answers: ${pageUrl}`,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}

/** One VEVENT; times are UTC (DTSTART…Z), which every calendar shows in the reader's own zone. */
function eventOf(event: MeetingEventData, pageUrl: string): ICalEventData {
  return {
    id: meetingUid(event.meetingId),
    sequence: event.sequence,
    stamp: new Date(event.stamp),
    start: new Date(event.startsAt),
    end: new Date(event.endsAt),
    summary: event.cancelled ? `INSTÄLLT: ${event.title}` : event.title,
    location: event.location ?? event.digitalLink,
    url: event.digitalLink ?? pageUrl,
    description: description(event, pageUrl),
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
}

export interface CalendarOptions {
  /** REQUEST or CANCEL for a notice; PUBLISH (or none) for a download or a feed. */
  method: ICalCalendarMethod;
  name: string;
  /** The organizer an iTIP REQUEST or CANCEL must name ("Samverka <noreply@…>"): the sender of the notice. */
  organizer?: string;
}

/** An RFC 5545 calendar of meetings, each with the link to its page. */
export function meetingCalendar(
  events: { event: MeetingEventData; pageUrl: string }[],
  options: CalendarOptions,
): string {
  const calendar = ical({
    prodId: { company: 'Samverka', product: 'Samverka', language: 'SV' },
    method: options.method,
    name: options.name,
  });
  for (const { event, pageUrl } of events) {
    calendar.createEvent({ ...eventOf(event, pageUrl), organizer: options.organizer ?? null });
  }
  return calendar.toString();
}

export { ICalCalendarMethod };
