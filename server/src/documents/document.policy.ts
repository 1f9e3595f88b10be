import type { Viewer } from '../graphql/context.js';
import { meetingPolicy, type MeetingAccessFacts } from '../meetings/meeting.policy.js';

/** Who may do what with documents: the rules of what holds them, never rules of their own. */
export const documentPolicy = {
  /** Attach to or remove from an agenda item: whoever may manage the item's meeting. */
  manageMeeting: (viewer: Viewer | null, meeting: MeetingAccessFacts): boolean =>
    meetingPolicy.chair(viewer, meeting),
};

/** Which rule guards each document mutation; documents-authorization.test.ts is generated from this table. */
export const DOCUMENT_MUTATION_RULES = {
  attachDocumentToAgendaItem: 'manageMeeting',
  removeDocumentFromAgendaItem: 'manageMeeting',
} as const satisfies Record<string, keyof typeof documentPolicy>;
