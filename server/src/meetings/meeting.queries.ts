import type { EntityManager } from '@mikro-orm/postgresql';
import { MeetingStatus } from '@samverka/domain';
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../graphql/context.js';
import { Meeting } from './meeting.entity.js';
import { meetingPolicy } from './meeting.policy.js';

/** A meeting with everything the agenda views show, in one SQL statement. */
export function loadMeetingWithAgenda(em: EntityManager, meetingId: string) {
  return em.findOne(Meeting, meetingId, { populate: ['forum', 'agenda', 'agenda.activity'] });
}

/** A meeting the viewer may see, or null. */
export async function findVisibleMeeting(em: EntityManager, viewer: Viewer | null, meetingId: string) {
  const meeting = await loadMeetingWithAgenda(em, meetingId);
  if (
    !meeting ||
    !meetingPolicy.see(viewer, { status: meeting.status, chairId: meeting.chair?.id ?? null })
  ) {
    return null;
  }
  return meeting;
}

/** Which meetings a viewer may list: drafts only for those who run them. */
export function visibleMeetings(viewer: Viewer | null): FilterQuery<Meeting> {
  if (viewer?.isCoordinator) return {};
  if (viewer) return { $or: [{ status: { $ne: MeetingStatus.DRAFT } }, { chair: viewer.id }] };
  return { status: { $ne: MeetingStatus.DRAFT } };
}

/** Cursor of the meeting's latest live event: subscribing after it misses nothing that came since the query. */
export async function latestMeetingCursor(em: EntityManager, meetingId: string): Promise<string> {
  const row = await em
    .getConnection()
    .execute<{ sequence: string | null }>(
      'select max(sequence)::text as sequence from live_event where topic = ?',
      [`meeting:${meetingId}`],
      'get',
    );
  return row?.sequence ?? '0';
}
