import type { Viewer } from '../graphql/context.js';
import { meetingPolicy, type MeetingAccessFacts } from '../meetings/meeting.policy.js';

/** What the notice's rules need to know of a meeting and the viewer. */
export interface NoticeAccessFacts extends MeetingAccessFacts {
  /** The viewer is one the notice goes to: a member of the forum (a current seat), the chair or an adjuster. */
  viewerInvited: boolean;
}

/** Who may do what with a meeting's notice, one line per rule. */
export const noticePolicy = {
  /** Answer whether one comes: those the notice goes to. */
  answer: (viewer: Viewer | null, facts: NoticeAccessFacts): boolean => !!viewer && facts.viewerInvited,
  /** See who answered what and who has not answered: those who run the meeting. */
  seeAnswers: (viewer: Viewer | null, facts: NoticeAccessFacts): boolean =>
    meetingPolicy.chair(viewer, facts),
};

/** Which rule guards each notice mutation; the authorization matrix test is generated from this table. */
export const NOTICE_MUTATION_RULES = {
  answerNotice: 'answer',
} as const satisfies Record<string, keyof typeof noticePolicy>;
