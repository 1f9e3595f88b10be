/** The six principles of the agreement (Överenskommelsen 2024–2027). */
export enum PrincipleKey {
  INDEPENDENCE = 'INDEPENDENCE',
  DIALOGUE = 'DIALOGUE',
  QUALITY = 'QUALITY',
  LONG_TERM = 'LONG_TERM',
  OPENNESS = 'OPENNESS',
  DIVERSITY = 'DIVERSITY',
}

/** The three kinds of seat in Samverkansrådet. */
export enum SeatKind {
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  POLITICIAN = 'POLITICIAN',
  COORDINATOR = 'COORDINATOR',
}

/** Samverkansrådet's seat structure: 10 civil society, 3 politicians, 1 coordinating official. */
export const COUNCIL_SEAT_LIMITS: Readonly<Record<SeatKind, number>> = {
  [SeatKind.CIVIL_SOCIETY]: 10,
  [SeatKind.POLITICIAN]: 3,
  [SeatKind.COORDINATOR]: 1,
};

export enum MeetingStatus {
  DRAFT = 'DRAFT',
  AGENDA_PUBLISHED = 'AGENDA_PUBLISHED',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSED = 'CLOSED',
  /** Called off before it was held; its members are told. */
  CANCELLED = 'CANCELLED',
}

/** A meeting status as its string value; what GraphQL clients hold (codegen emits string unions). */
export type MeetingStatusValue = `${MeetingStatus}`;

export enum AgendaItemKind {
  FORMALITY = 'FORMALITY',
  INFORMATION = 'INFORMATION',
  DISCUSSION = 'DISCUSSION',
  DECISION = 'DECISION',
}

export enum AgendaItemStatus {
  PENDING = 'PENDING',
  CURRENT = 'CURRENT',
  DONE = 'DONE',
  DEFERRED = 'DEFERRED',
}

/** An agenda item status as its string value; what GraphQL clients hold. */
export type AgendaItemStatusValue = `${AgendaItemStatus}`;

/** What happened to a meeting; carried by live events. */
export enum MeetingEventKind {
  AGENDA_PUBLISHED = 'AGENDA_PUBLISHED',
  MEETING_STARTED = 'MEETING_STARTED',
  CURRENT_ITEM_CHANGED = 'CURRENT_ITEM_CHANGED',
  TIMER_PAUSED = 'TIMER_PAUSED',
  TIMER_RESUMED = 'TIMER_RESUMED',
  OUTCOME_RECORDED = 'OUTCOME_RECORDED',
  ITEM_DEFERRED = 'ITEM_DEFERRED',
  ITEM_COMPLETED = 'ITEM_COMPLETED',
  MEETING_CLOSED = 'MEETING_CLOSED',
  DOCUMENTS_CHANGED = 'DOCUMENTS_CHANGED',
  /** Someone's presence was recorded: present from the start, arrived or left. */
  ATTENDANCE_RECORDED = 'ATTENDANCE_RECORDED',
  FLOOR_REQUESTED = 'FLOOR_REQUESTED',
  FLOOR_REQUEST_WITHDRAWN = 'FLOOR_REQUEST_WITHDRAWN',
  FLOOR_GIVEN = 'FLOOR_GIVEN',
  SPEECH_ENDED = 'SPEECH_ENDED',
  SPEAKING_TIME_LIMIT_SET = 'SPEAKING_TIME_LIMIT_SET',
  /** Title, times, place, link, chair or adjusters changed while the meeting was being prepared. */
  DETAILS_CHANGED = 'DETAILS_CHANGED',
  /** An agenda item was added, changed, removed or moved while the meeting was being prepared. */
  AGENDA_CHANGED = 'AGENDA_CHANGED',
  MEETING_CANCELLED = 'MEETING_CANCELLED',
  /** Not a change: the missed events could not all be replayed, so this is the meeting as it is now. */
  RESYNC = 'RESYNC',
}

/** Codes of payload errors; the client translates them. */
export enum UserErrorCode {
  INVALID = 'INVALID',
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  NOT_FOUND = 'NOT_FOUND',
  STALE_VERSION = 'STALE_VERSION',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  RATE_LIMITED = 'RATE_LIMITED',
  DUPLICATE = 'DUPLICATE',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  INVALID_TOKEN = 'INVALID_TOKEN',
  NOT_AFFIRMED = 'NOT_AFFIRMED',
  LIMIT_REACHED = 'LIMIT_REACHED',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  FILE_TYPE_NOT_ACCEPTED = 'FILE_TYPE_NOT_ACCEPTED',
}
