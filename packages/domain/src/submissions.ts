/** What a party raises with Samverkansrådet (anmäld fråga / hinder / förslag). */
export enum SubmissionKind {
  /** A specific question for dialogue (fråga för dialog). */
  QUESTION = 'QUESTION',
  /** An obstacle to collaboration (hinder för samverkan). */
  OBSTACLE = 'OBSTACLE',
  /** A proposal (förslag). */
  PROPOSAL = 'PROPOSAL',
}

/** Where a submission is in its workflow. */
export enum SubmissionStatus {
  /** Being written; only the submitting party sees it. */
  DRAFT = 'DRAFT',
  /** Sent to Samverkansrådet; waits for the coordinator to register it. */
  SUBMITTED = 'SUBMITTED',
  /** Sent back to the party to complete; the party completes it and submits it again. */
  RETURNED = 'RETURNED',
  /** Registered with a registration number (diarienummer). */
  REGISTERED = 'REGISTERED',
  /** Referred to a department for a written answer by a date. */
  REFERRED = 'REFERRED',
  /** On an agenda item of a Samverkansrådet meeting. */
  SCHEDULED = 'SCHEDULED',
  /** Answered: by the decision of the meeting, or in writing by the department. */
  ANSWERED = 'ANSWERED',
  /** Done: nothing more will happen. */
  CLOSED = 'CLOSED',
  /** Withdrawn by the party. */
  WITHDRAWN = 'WITHDRAWN',
  /** Declined with a stated reason (outside the agreement's scope). */
  DECLINED = 'DECLINED',
}

/** Whether a submitted matter is public (öppenhet och insyn), or handled without publication. */
export enum SubmissionPublication {
  PUBLIC = 'PUBLIC',
  /** The submitter asked for it to be handled without publication; until the coordinator decides it is not shown. */
  RESTRICTION_REQUESTED = 'RESTRICTION_REQUESTED',
  /** The coordinator decided: the public sees only that it exists, its number and its status. */
  RESTRICTED = 'RESTRICTED',
}

/** Who takes a step of the workflow. */
export enum SubmissionRole {
  /** A member of the submitting party. */
  SUBMITTER = 'SUBMITTER',
  /** The coordinator, or a convener of Samverkansrådet. */
  COORDINATOR = 'COORDINATOR',
  /** The C-nätet representative of the department the matter is referred to. */
  HANDLER = 'HANDLER',
  /** A member of another joined party, who may stand behind (co-sign) the matter. */
  SUPPORTER = 'SUPPORTER',
  /** Samverka itself: the meeting's recorded decision answers the matter. */
  MEETING = 'MEETING',
}

export enum SubmissionAction {
  EDIT = 'EDIT',
  SUBMIT = 'SUBMIT',
  WITHDRAW = 'WITHDRAW',
  RETURN_FOR_COMPLETION = 'RETURN_FOR_COMPLETION',
  REGISTER = 'REGISTER',
  DECLINE = 'DECLINE',
  REFER = 'REFER',
  ANSWER_IN_WRITING = 'ANSWER_IN_WRITING',
  SCHEDULE = 'SCHEDULE',
  UNSCHEDULE = 'UNSCHEDULE',
  RECORD_MEETING_ANSWER = 'RECORD_MEETING_ANSWER',
  CLOSE = 'CLOSE',
  COSIGN = 'COSIGN',
  DECIDE_PUBLICATION = 'DECIDE_PUBLICATION',
}

const S = SubmissionStatus;
const R = SubmissionRole;

/** Statuses in which the matter is still being handled: others may stand behind it, the handler converses. */
export const OPEN_SUBMISSION_STATUSES: readonly SubmissionStatus[] = [
  S.SUBMITTED,
  S.REGISTERED,
  S.REFERRED,
  S.SCHEDULED,
];

/**
 * The submission workflow: who may take each step, from which statuses, and the status it leads to (none: the
 * status stays). The server enforces it and the client shows only the actions it allows.
 */
export const SUBMISSION_TRANSITIONS: Readonly<
  Record<
    SubmissionAction,
    { by: readonly SubmissionRole[]; from: readonly SubmissionStatus[]; to?: SubmissionStatus }
  >
> = {
  [SubmissionAction.EDIT]: { by: [R.SUBMITTER], from: [S.DRAFT, S.RETURNED] },
  [SubmissionAction.SUBMIT]: { by: [R.SUBMITTER], from: [S.DRAFT, S.RETURNED], to: S.SUBMITTED },
  [SubmissionAction.WITHDRAW]: {
    by: [R.SUBMITTER],
    from: [S.SUBMITTED, S.RETURNED, S.REGISTERED, S.REFERRED, S.SCHEDULED],
    to: S.WITHDRAWN,
  },
  [SubmissionAction.RETURN_FOR_COMPLETION]: { by: [R.COORDINATOR], from: [S.SUBMITTED], to: S.RETURNED },
  [SubmissionAction.REGISTER]: { by: [R.COORDINATOR], from: [S.SUBMITTED], to: S.REGISTERED },
  [SubmissionAction.DECLINE]: { by: [R.COORDINATOR], from: [S.SUBMITTED, S.REGISTERED], to: S.DECLINED },
  [SubmissionAction.REFER]: { by: [R.COORDINATOR], from: [S.REGISTERED], to: S.REFERRED },
  [SubmissionAction.ANSWER_IN_WRITING]: {
    by: [R.HANDLER, R.COORDINATOR],
    from: [S.REFERRED],
    to: S.ANSWERED,
  },
  [SubmissionAction.SCHEDULE]: { by: [R.COORDINATOR], from: [S.REGISTERED, S.REFERRED], to: S.SCHEDULED },
  [SubmissionAction.UNSCHEDULE]: { by: [R.COORDINATOR], from: [S.SCHEDULED], to: S.REGISTERED },
  [SubmissionAction.RECORD_MEETING_ANSWER]: { by: [R.MEETING], from: [S.SCHEDULED], to: S.ANSWERED },
  [SubmissionAction.CLOSE]: { by: [R.COORDINATOR], from: [S.ANSWERED], to: S.CLOSED },
  [SubmissionAction.COSIGN]: { by: [R.SUPPORTER], from: OPEN_SUBMISSION_STATUSES },
  [SubmissionAction.DECIDE_PUBLICATION]: {
    by: [R.COORDINATOR],
    from: [...OPEN_SUBMISSION_STATUSES, S.ANSWERED, S.CLOSED, S.DECLINED, S.WITHDRAWN],
  },
};

/** Whether someone with these roles may take the action on a submission in this status. */
export function canTakeSubmissionAction(
  status: SubmissionStatus | `${SubmissionStatus}`,
  action: SubmissionAction,
  roles: readonly SubmissionRole[],
): boolean {
  const step = SUBMISSION_TRANSITIONS[action];
  return (step.from as readonly string[]).includes(status) && step.by.some((role) => roles.includes(role));
}

/** The actions someone with these roles may take now; the client shows only these. */
export function allowedSubmissionActions(
  status: SubmissionStatus | `${SubmissionStatus}`,
  roles: readonly SubmissionRole[],
): SubmissionAction[] {
  return (Object.keys(SUBMISSION_TRANSITIONS) as SubmissionAction[]).filter((action) =>
    canTakeSubmissionAction(status, action, roles),
  );
}

/** Limits of a submission's texts, shared by the form and the server. */
export const SUBMISSION_LIMITS = {
  title: 200,
  description: 10_000,
  /** A reason (returned, declined, withdrawn), an answer in writing, a comment, a message, a note. */
  text: 5_000,
} as const;

/** Registration numbers: a series, a running number and a year, laid out by a pattern (configuration). */
export const DEFAULT_REGISTRATION_SERIES = 'SR';
export const DEFAULT_REGISTRATION_PATTERN = '{series} {number}/{year}';

/** Lays out a registration number, e.g. "SR 14/2026"; `{number:4}` pads the number to four digits. */
export function formatRegistrationNumber(
  pattern: string,
  series: string,
  number: number,
  year: number,
): string {
  return pattern
    .replace(/\{series\}/g, series)
    .replace(/\{year\}/g, String(year))
    .replace(/\{number(?::(\d))?\}/g, (_match, width?: string) =>
      String(number).padStart(width ? Number(width) : 0, '0'),
    );
}

/** The pattern must name the number and the year, or numbers would repeat. */
export function isValidRegistrationPattern(pattern: string): boolean {
  return /\{number(?::\d)?\}/.test(pattern) && pattern.includes('{year}') && pattern.length <= 60;
}

/** How a person wants to hear of a kind of notification by mail. The in-app notification comes always. */
export enum NotificationDelivery {
  IMMEDIATE = 'IMMEDIATE',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  NONE = 'NONE',
}

/** Kinds of notification; every later feature adds its own. */
export enum NotificationKind {
  /** A followed matter changed status (registered, scheduled, referred, returned, declined, withdrawn, closed). */
  SUBMISSION_STEP = 'SUBMISSION_STEP',
  /** A followed matter was answered. */
  SUBMISSION_ANSWERED = 'SUBMISSION_ANSWERED',
  /** A new message in a matter's conversation, or a public comment. */
  SUBMISSION_MESSAGE = 'SUBMISSION_MESSAGE',
  /** A new invitation or consultation is for the person's party (its kind, areas of interest, or by name). */
  INVITATION_NEW = 'INVITATION_NEW',
  /** An invitation the person's party took part in got its feedback (återkoppling). */
  INVITATION_FEEDBACK = 'INVITATION_FEEDBACK',
  /** An invitation the person's party registered for was cancelled, or an occasion changed. */
  INVITATION_CANCELLED = 'INVITATION_CANCELLED',
  /** A participant of the person's party moved up from the waiting list to a seat. */
  INVITATION_SEAT_OFFERED = 'INVITATION_SEAT_OFFERED',
  /** The compilation answering the party's consultation response was published. */
  CONSULTATION_COMPILED = 'CONSULTATION_COMPILED',
}

/** Mail at once unless the person chose otherwise. */
export const DEFAULT_NOTIFICATION_DELIVERY = NotificationDelivery.IMMEDIATE;

/** The languages Samverka speaks; a person's mails come in theirs. */
export enum Language {
  SV = 'sv',
  EN = 'en',
}
