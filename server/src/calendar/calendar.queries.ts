import type { EntityManager } from '@mikro-orm/postgresql';
import { MeetingStatus } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { meetingPolicy } from '../meetings/meeting.policy.js';
import type { MeetingEventData } from '../meetings/meeting-ics.js';

interface CalendarRow {
  id: string;
  title: string;
  forum_name: string;
  starts_at: Date;
  ends_at: Date;
  location: string | null;
  accessibility: string | null;
  digital_link: string | null;
  status: MeetingStatus;
  chair_id: string | null;
  forum_id: string;
  sequence: number;
  stamp: Date;
}

/*
 * Meetings as calendar events, one statement for a whole feed. SEQUENCE and DTSTAMP are the latest
 * notice's, so a feed agrees with the mails and its bytes (and ETag) change only when a meeting does.
 */
const SELECT = `
select m.id, m.title, f.name as forum_name, m.starts_at, m.ends_at, m.location, m.accessibility,
       m.digital_link, m.status, m.chair_id, m.forum_id,
       coalesce(n.sequence, 0) as sequence, coalesce(n.sent_at, m.starts_at) as stamp
  from meeting m
  join forum f on f.id = m.forum_id
  left join lateral (
    select sequence, sent_at from meeting_notice where meeting_id = m.id order by sequence desc limit 1
  ) n on true`;

function eventOf(row: CalendarRow): MeetingEventData {
  return {
    meetingId: row.id,
    title: row.title,
    forumName: row.forum_name,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    location: row.location,
    accessibility: row.accessibility,
    digitalLink: row.digital_link,
    cancelled: row.status === MeetingStatus.CANCELLED,
    sequence: row.sequence,
    stamp: new Date(row.stamp).toISOString(),
  };
}

/** Every public meeting (drafts are not public), of one forum or all, in order of time. */
export async function publicMeetingEvents(em: EntityManager, forumSlug: string | null) {
  const rows = await em
    .getConnection()
    .execute<CalendarRow[]>(
      `${SELECT} where m.status <> 'DRAFT' and (?::text is null or f.slug = ?) order by m.starts_at, m.id`,
      [forumSlug, forumSlug],
    );
  return rows.map(eventOf);
}

/** One meeting's event, when the viewer may see the meeting (a draft only for those who run it). */
export async function meetingEvent(em: EntityManager, viewer: Viewer | null, meetingId: string) {
  const [row] = await em.getConnection().execute<CalendarRow[]>(`${SELECT} where m.id = ?`, [meetingId]);
  if (
    !row ||
    !meetingPolicy.see(viewer, { status: row.status, chairId: row.chair_id, forumId: row.forum_id })
  )
    return null;
  return eventOf(row);
}

/** Whether a forum with this slug exists, so an unknown feed is a 404 rather than an empty calendar. */
export async function forumName(em: EntityManager, slug: string): Promise<string | null> {
  const [row] = await em
    .getConnection()
    .execute<{ name: string }[]>('select name from forum where slug = ?', [slug]);
  return row?.name ?? null;
}
