import type { Viewer } from '../graphql/context.js';
import { meetingPolicy } from '../meetings/meeting.policy.js';
import { accessFactsOf, type MeetingRoot } from '../meetings/meeting.queries.js';

/** Whether the viewer may prepare the meeting, so the client offers its edit page only to them. */
export function viewerManagesMeeting(viewer: Viewer | null, meeting: MeetingRoot): boolean {
  return meetingPolicy.manage(viewer, accessFactsOf(meeting));
}
