import { MeetingStatus, MinutesRole, MinutesStatus } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { meetingPolicy } from '../meetings/meeting.policy.js';

/** What the policy needs to know of a meeting's minutes. */
export interface MinutesAccessFacts {
  /** Null while the meeting has no minutes yet. */
  status: MinutesStatus | null;
  chairId: string | null;
  /** The meeting's forum, whose conveners draft its minutes too. */
  forumId: string;
  /** The meeting's adjusters. */
  adjusterIds: readonly string[];
  /** Those whose approval the minutes wait for or got (named when sent). */
  approverIds: readonly string[];
}

/** Who may do what with minutes, one line per rule. */
export const minutesPolicy = {
  /** Draft, correct, send and publish: whoever may run the meeting (the coordinator or its chair). */
  draft: (viewer: Viewer | null, minutes: MinutesAccessFacts): boolean =>
    meetingPolicy.chair(viewer, {
      status: MeetingStatus.CLOSED,
      chairId: minutes.chairId,
      forumId: minutes.forumId,
    }),
  /** Approve or ask for a correction: anyone signed in; whether they are an approver is the workflow's rule. */
  approve: (viewer: Viewer | null): boolean => !!viewer,
  /** See: everyone once published; before that the drafters, the chair and the adjusters. */
  see: (viewer: Viewer | null, minutes: MinutesAccessFacts): boolean =>
    minutes.status === MinutesStatus.PUBLISHED ||
    minutesPolicy.draft(viewer, minutes) ||
    (!!viewer && (minutes.adjusterIds.includes(viewer.id) || minutes.approverIds.includes(viewer.id))),
};

/** The viewer's roles in the minutes' workflow table. */
export function minutesRoles(viewer: Viewer | null, minutes: MinutesAccessFacts): MinutesRole[] {
  const roles: MinutesRole[] = [];
  if (minutesPolicy.draft(viewer, minutes)) roles.push(MinutesRole.DRAFTER);
  if (viewer && minutes.approverIds.includes(viewer.id)) roles.push(MinutesRole.APPROVER);
  return roles;
}

/** Which rule guards each minutes mutation; the authorization matrix test is generated from this table. */
export const MINUTES_MUTATION_RULES = {
  draftMinutes: 'draft',
  editMinutes: 'draft',
  sendMinutesForApproval: 'draft',
  approveMinutes: 'approve',
  requestMinutesCorrection: 'approve',
  publishMinutes: 'draft',
} as const satisfies Record<string, keyof typeof minutesPolicy>;
