import { MeetingStatus } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';

/** What the policy needs to know of a meeting. */
export interface MeetingAccessFacts {
  status: MeetingStatus;
  chairId: string | null;
}

/** Who may do what with a meeting, one line per rule. */
export const meetingPolicy = {
  /** Run the meeting: the coordinator, or the meeting's chair. */
  chair: (viewer: Viewer | null, meeting: MeetingAccessFacts): boolean =>
    !!viewer && (viewer.isCoordinator || viewer.id === meeting.chairId),
  /** See it: anyone once the agenda is published; while a draft, those who run it. */
  see: (viewer: Viewer | null, meeting: MeetingAccessFacts): boolean =>
    meeting.status !== MeetingStatus.DRAFT || meetingPolicy.chair(viewer, meeting),
};

/** Which rule guards each meeting mutation; the authorization matrix test is generated from this table. */
export const MEETING_MUTATION_RULES = {
  publishAgenda: 'chair',
  startMeeting: 'chair',
  moveToNextAgendaItem: 'chair',
  moveToPreviousAgendaItem: 'chair',
  makeAgendaItemCurrent: 'chair',
  pauseAgendaTimer: 'chair',
  resumeAgendaTimer: 'chair',
  recordAgendaItemOutcome: 'chair',
  completeAgendaItem: 'chair',
  deferAgendaItem: 'chair',
  closeMeeting: 'chair',
} as const satisfies Record<string, keyof typeof meetingPolicy>;
