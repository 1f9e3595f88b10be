import { MeetingStatus } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';

/** What the policy needs to know of a meeting (or, for a meeting not made yet, of its forum). */
export interface MeetingAccessFacts {
  status: MeetingStatus;
  chairId: string | null;
  /** Who may take part in its speakers' list: the forum's members and those recorded present. */
  participantIds?: readonly string[];
  forumId: string;
}

/** Who may do what with a meeting, one line per rule. */
export const meetingPolicy = {
  /** Prepare the forum's meetings (create, edit, cancel, build agendas): the coordinator or the forum's convener. */
  manage: (viewer: Viewer | null, meeting: Pick<MeetingAccessFacts, 'forumId'>): boolean =>
    !!viewer && (viewer.isCoordinator || viewer.convenes.includes(meeting.forumId)),
  /** Run the meeting: those who manage the forum's meetings, or the meeting's chair. */
  chair: (viewer: Viewer | null, meeting: MeetingAccessFacts): boolean =>
    meetingPolicy.manage(viewer, meeting) || (!!viewer && viewer.id === meeting.chairId),
  /** Ask for the floor and withdraw: a member of the forum, or anyone the chair recorded present. */
  takePart: (viewer: Viewer | null, meeting: MeetingAccessFacts): boolean =>
    !!viewer && !!meeting.participantIds?.includes(viewer.id),
  /** See it: anyone once the agenda is published; while a draft, those who run it. */
  see: (viewer: Viewer | null, meeting: MeetingAccessFacts): boolean =>
    meeting.status !== MeetingStatus.DRAFT || meetingPolicy.chair(viewer, meeting),
  /** Give and take the convener role of a forum: the coordinator only. */
  coordinate: (viewer: Viewer | null): boolean => !!viewer?.isCoordinator,
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
  recordAttendance: 'chair',
  requestFloor: 'takePart',
  withdrawFloorRequest: 'takePart',
  giveFloor: 'chair',
  endSpeech: 'chair',
  removeFloorRequest: 'chair',
  setSpeakingTimeLimit: 'chair',
} as const satisfies Record<string, keyof typeof meetingPolicy>;

/** Which rule guards each mutation that prepares meetings; its own matrix covers the convener roles too. */
export const MEETING_PLANNING_MUTATION_RULES = {
  createMeeting: 'manage',
  updateMeeting: 'manage',
  cancelMeeting: 'manage',
  addAgendaItem: 'manage',
  updateAgendaItem: 'manage',
  removeAgendaItem: 'manage',
  moveAgendaItem: 'manage',
  addStandardAgendaItem: 'manage',
  updateStandardAgendaItem: 'manage',
  removeStandardAgendaItem: 'manage',
  moveStandardAgendaItem: 'manage',
  assignForumConvener: 'coordinate',
  removeForumConvener: 'coordinate',
} as const satisfies Record<string, keyof typeof meetingPolicy>;
