import type { EntityManager } from '@mikro-orm/postgresql';
import { MeetingStatus } from '@samverka/domain';
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../graphql/context.js';
import { Meeting } from './meeting.entity.js';
import { meetingPolicy, type MeetingAccessFacts } from './meeting.policy.js';
import { MeetingView, readMeetingView } from './meeting-view.js';

/** A meeting as field resolvers get it: an entity, or the read model of the public reads. */
export type MeetingRoot = Meeting | MeetingView;

/** A meeting with everything the agenda views show, in one SQL statement. */
export function loadMeetingWithAgenda(em: EntityManager, meetingId: string) {
  return em.findOne(Meeting, meetingId, { populate: ['forum', 'agenda', 'agenda.activity'] });
}

/** A meeting the viewer may see, or null. */
export async function findVisibleMeeting(em: EntityManager, viewer: Viewer | null, meetingId: string) {
  const meeting = await loadMeetingWithAgenda(em, meetingId);
  return meeting && meetingPolicy.see(viewer, accessFactsOf(meeting)) ? meeting : null;
}

/** The read model of a meeting the viewer may see, or null: one statement, nothing hydrated. */
export async function readVisibleMeeting(em: EntityManager, viewer: Viewer | null, meetingId: string) {
  const meeting = await readMeetingView(em, meetingId);
  return meeting && meetingPolicy.see(viewer, accessFactsOf(meeting)) ? meeting : null;
}

/** What the policy needs of a meeting, from the entity or the read model. */
export function accessFactsOf(meeting: MeetingRoot): MeetingAccessFacts {
  if (meeting instanceof MeetingView)
    return { status: meeting.status, chairId: meeting.chairId, forumId: meeting.forum.id };
  return { status: meeting.status, chairId: meeting.chair?.id ?? null, forumId: meeting.forum.id };
}

/** Which meetings a viewer may list: drafts only for those who run them. */
export function visibleMeetings(viewer: Viewer | null): FilterQuery<Meeting> {
  if (viewer?.isCoordinator) return {};
  if (viewer)
    return {
      $or: [
        { status: { $ne: MeetingStatus.DRAFT } },
        { chair: viewer.id },
        ...(viewer.convenes.length ? [{ forum: { $in: [...viewer.convenes] } }] : []),
      ],
    };
  return { status: { $ne: MeetingStatus.DRAFT } };
}

/** Whether the viewer may run the meeting, so the client shows the chair's controls only to them. */
export function viewerCanChair(viewer: Viewer | null, meeting: MeetingRoot): boolean {
  return meetingPolicy.chair(viewer, accessFactsOf(meeting));
}
