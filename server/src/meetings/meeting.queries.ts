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

/** Whether the viewer may run the meeting, so the client shows the chair's controls only to them. */
export function viewerCanChair(viewer: Viewer | null, meeting: Meeting): boolean {
  return meetingPolicy.chair(viewer, { status: meeting.status, chairId: meeting.chair?.id ?? null });
}
