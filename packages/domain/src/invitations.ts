import { PartyKind } from './parties.js';

/**
 * Early dialogue (commitments 2 and 3 of the agreement): a party invites the others into a process of its own,
 * as early as it can, and tells them afterwards what came of it. A consultation (remiss) is an invitation that
 * asks for written responses to proposals by a deadline.
 */
export enum InvitationKind {
  /** A dialogue invitation: occasions to take part in, written input welcome. */
  DIALOGUE = 'DIALOGUE',
  /** A consultation (remiss): written responses to its proposals by a deadline. */
  CONSULTATION = 'CONSULTATION',
}

/** How far the process the invitation concerns has come; the earlier, the more the input can change. */
export enum ProcessStage {
  IDEA = 'IDEA',
  INVESTIGATION = 'INVESTIGATION',
  PROPOSAL = 'PROPOSAL',
  DECISION = 'DECISION',
  FOLLOW_UP = 'FOLLOW_UP',
}

/** Where an invitation is in its workflow. */
export enum InvitationStatus {
  /** Being written; only the inviting party sees it. */
  DRAFT = 'DRAFT',
  /** Open: parties register, give input, respond. */
  PUBLISHED = 'PUBLISHED',
  /** The last day to register has passed (or the inviter closed registration); occasions still to come. */
  REGISTRATION_CLOSED = 'REGISTRATION_CLOSED',
  /** The last occasion has been held. */
  HELD = 'HELD',
  /** The consultation's deadline has passed; responses are published unless their party asked otherwise. */
  DEADLINE_PASSED = 'DEADLINE_PASSED',
  /** The inviter has told what came of the dialogue (återkoppling). */
  FEEDBACK_PUBLISHED = 'FEEDBACK_PUBLISHED',
  /** Done. */
  CLOSED = 'CLOSED',
  /** Called off with a reason; everyone registered is told. */
  CANCELLED = 'CANCELLED',
}

/** Who an invitation is for. */
export enum InvitationAudience {
  /** Every party of the agreement. */
  ALL_PARTIES = 'ALL_PARTIES',
  /** Parties of the chosen kinds. */
  PARTY_KINDS = 'PARTY_KINDS',
  /** Parties that chose one of the invitation's areas of interest. */
  AREAS_OF_INTEREST = 'AREAS_OF_INTEREST',
  /** The parties named. */
  NAMED_PARTIES = 'NAMED_PARTIES',
}

/** Where an occasion takes place. */
export enum OccasionMode {
  /** Online, with a link. */
  DIGITAL = 'DIGITAL',
  /** At a place, with accessibility information. */
  IN_PERSON = 'IN_PERSON',
}

/** A participant's place on an occasion. */
export enum ParticipantStatus {
  /** Has a seat. */
  REGISTERED = 'REGISTERED',
  /** On the waiting list; moves up, in order, when a seat is freed. */
  WAITING = 'WAITING',
  /** Cancelled by their party or the inviter. */
  CANCELLED = 'CANCELLED',
}

/** A party's written answer to a dialogue invitation. */
export enum InvitationReplyKind {
  /** Written input (synpunkter). */
  INPUT = 'INPUT',
  /** The party will not take part, with a reason. */
  DECLINED = 'DECLINED',
}

/** A consultation response's view of one proposal. */
export enum ProposalStance {
  /** Tillstyrker. */
  SUPPORTS = 'SUPPORTS',
  /** Avstyrker. */
  OPPOSES = 'OPPOSES',
  /** Ingen synpunkt. */
  NO_VIEW = 'NO_VIEW',
}

/** How the inviter's compilation (remissammanställning) answers a response or a point in it. */
export enum CompilationVerdict {
  ADOPTED = 'ADOPTED',
  PARTLY_ADOPTED = 'PARTLY_ADOPTED',
  NOT_ADOPTED = 'NOT_ADOPTED',
}

/** Who takes a step of an invitation's workflow. */
export enum InvitationRole {
  /** A member of the inviting party. */
  INVITER = 'INVITER',
  /** The coordinator: may step in (cancel, close) and sees every overdue feedback. */
  COORDINATOR = 'COORDINATOR',
  /** A member of a joined party the invitation is for (not the inviter). */
  INVITEE = 'INVITEE',
  /** Samverka itself, when a date passes. */
  CLOCK = 'CLOCK',
}

export enum InvitationAction {
  EDIT = 'EDIT',
  PUBLISH = 'PUBLISH',
  CLOSE_REGISTRATION = 'CLOSE_REGISTRATION',
  MARK_HELD = 'MARK_HELD',
  PASS_DEADLINE = 'PASS_DEADLINE',
  PUBLISH_FEEDBACK = 'PUBLISH_FEEDBACK',
  CLOSE = 'CLOSE',
  CANCEL = 'CANCEL',
  /** Register participants for an occasion, or cancel them. */
  REGISTER = 'REGISTER',
  /** Written input or a decline (dialogues). */
  REPLY = 'REPLY',
  /** A consultation response, until the deadline. */
  RESPOND = 'RESPOND',
  /** Mark responses adopted or not, and publish the compilation. */
  COMPILE = 'COMPILE',
  /** Change an occasion's capacity or details after publication. */
  MANAGE_OCCASIONS = 'MANAGE_OCCASIONS',
}

const S = InvitationStatus;
const R = InvitationRole;

/** The statuses in which an invitation is shown as open on the public pages. */
export const OPEN_INVITATION_STATUSES: readonly InvitationStatus[] = [S.PUBLISHED, S.REGISTRATION_CLOSED];

/** Statuses after which the process has ended: the feedback is due. */
export const CONCLUDED_INVITATION_STATUSES: readonly InvitationStatus[] = [S.HELD, S.DEADLINE_PASSED];

/**
 * The invitation workflow: who may take each step, from which statuses, for which kinds (none: both), and the
 * status it leads to (none: the status stays). The server enforces it and the client shows only what it allows.
 */
export const INVITATION_TRANSITIONS: Readonly<
  Record<
    InvitationAction,
    {
      by: readonly InvitationRole[];
      from: readonly InvitationStatus[];
      kinds?: readonly InvitationKind[];
      to?: InvitationStatus;
    }
  >
> = {
  [InvitationAction.EDIT]: { by: [R.INVITER], from: [S.DRAFT, S.PUBLISHED, S.REGISTRATION_CLOSED] },
  [InvitationAction.PUBLISH]: { by: [R.INVITER], from: [S.DRAFT], to: S.PUBLISHED },
  [InvitationAction.CLOSE_REGISTRATION]: {
    by: [R.INVITER, R.CLOCK],
    from: [S.PUBLISHED],
    kinds: [InvitationKind.DIALOGUE],
    to: S.REGISTRATION_CLOSED,
  },
  [InvitationAction.MARK_HELD]: {
    by: [R.INVITER, R.CLOCK],
    from: [S.PUBLISHED, S.REGISTRATION_CLOSED],
    kinds: [InvitationKind.DIALOGUE],
    to: S.HELD,
  },
  [InvitationAction.PASS_DEADLINE]: {
    by: [R.CLOCK],
    from: [S.PUBLISHED, S.REGISTRATION_CLOSED],
    kinds: [InvitationKind.CONSULTATION],
    to: S.DEADLINE_PASSED,
  },
  [InvitationAction.PUBLISH_FEEDBACK]: {
    by: [R.INVITER],
    from: [S.HELD, S.DEADLINE_PASSED, S.FEEDBACK_PUBLISHED],
    to: S.FEEDBACK_PUBLISHED,
  },
  [InvitationAction.CLOSE]: { by: [R.INVITER, R.COORDINATOR], from: [S.FEEDBACK_PUBLISHED], to: S.CLOSED },
  [InvitationAction.CANCEL]: {
    by: [R.INVITER, R.COORDINATOR],
    from: [S.PUBLISHED, S.REGISTRATION_CLOSED],
    to: S.CANCELLED,
  },
  [InvitationAction.REGISTER]: {
    by: [R.INVITEE],
    from: [S.PUBLISHED],
    kinds: [InvitationKind.DIALOGUE],
  },
  [InvitationAction.REPLY]: {
    by: [R.INVITEE],
    from: [S.PUBLISHED, S.REGISTRATION_CLOSED],
    kinds: [InvitationKind.DIALOGUE],
  },
  [InvitationAction.RESPOND]: {
    by: [R.INVITEE],
    from: [S.PUBLISHED, S.REGISTRATION_CLOSED],
    kinds: [InvitationKind.CONSULTATION],
  },
  [InvitationAction.COMPILE]: {
    by: [R.INVITER],
    from: [S.DEADLINE_PASSED, S.FEEDBACK_PUBLISHED],
    kinds: [InvitationKind.CONSULTATION],
  },
  [InvitationAction.MANAGE_OCCASIONS]: {
    by: [R.INVITER],
    from: [S.DRAFT, S.PUBLISHED, S.REGISTRATION_CLOSED],
    kinds: [InvitationKind.DIALOGUE],
  },
};

/** Whether someone with these roles may take the action on an invitation of this kind and status. */
export function canTakeInvitationAction(
  kind: InvitationKind | `${InvitationKind}`,
  status: InvitationStatus | `${InvitationStatus}`,
  action: InvitationAction,
  roles: readonly InvitationRole[],
): boolean {
  const step = INVITATION_TRANSITIONS[action];
  return (
    (step.from as readonly string[]).includes(status) &&
    (!step.kinds || (step.kinds as readonly string[]).includes(kind)) &&
    step.by.some((role) => roles.includes(role))
  );
}

/** The actions someone with these roles may take now; the client shows only these. */
export function allowedInvitationActions(
  kind: InvitationKind | `${InvitationKind}`,
  status: InvitationStatus | `${InvitationStatus}`,
  roles: readonly InvitationRole[],
): InvitationAction[] {
  return (Object.keys(INVITATION_TRANSITIONS) as InvitationAction[]).filter((action) =>
    canTakeInvitationAction(kind, status, action, roles),
  );
}

/** What of a party decides whether an invitation is for it. */
export interface InviteeFacts {
  id: string;
  kind: PartyKind | `${PartyKind}`;
  areasOfInterest: readonly string[];
}

/** What of an invitation decides whom it is for. */
export interface InvitationReach {
  audience: InvitationAudience | `${InvitationAudience}`;
  partyKinds: readonly (PartyKind | `${PartyKind}`)[];
  areas: readonly string[];
  namedPartyIds: readonly string[];
}

/** Whether the invitation is for the party (the inviting party itself never is). */
export function isInvited(reach: InvitationReach, party: InviteeFacts): boolean {
  switch (reach.audience) {
    case InvitationAudience.ALL_PARTIES:
      return true;
    case InvitationAudience.PARTY_KINDS:
      return reach.partyKinds.includes(party.kind);
    case InvitationAudience.AREAS_OF_INTEREST:
      return reach.areas.some((area) => party.areasOfInterest.includes(area));
    case InvitationAudience.NAMED_PARTIES:
      return reach.namedPartyIds.includes(party.id);
  }
  return false;
}

/** Limits of an invitation's texts and lists, shared by the form and the server. */
export const INVITATION_LIMITS = {
  title: 200,
  process: 300,
  decidingBody: 200,
  /** The input wanted, a description, feedback, a reason, a response's text. */
  text: 10_000,
  shortText: 500,
  occasions: 20,
  proposals: 50,
  participantsPerRegistration: 20,
  capacity: 10_000,
  areas: 20,
  area: 60,
} as const;

/** Feedback is due this many days after the last occasion or the deadline; later, the invitation is overdue. */
export const FEEDBACK_DUE_DAYS = 30;

/** A consultation's shortest deadline, in days after publication, before it is flagged to the coordinator. */
export const DEFAULT_CONSULTATION_MIN_DAYS = 42;

/** A consultation's registration series when the inviter names none: the series of the municipal board (Ks). */
export const DEFAULT_CONSULTATION_SERIES = 'Ks';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Feedback is overdue: FEEDBACK_DUE_DAYS have passed since the last occasion or the deadline, and none came. */
export function isFeedbackOverdue(
  invitation: {
    status: InvitationStatus | `${InvitationStatus}`;
    concludesAt?: Date | null;
    feedbackPublishedAt?: Date | null;
  },
  now: Date,
): boolean {
  return (
    (CONCLUDED_INVITATION_STATUSES as readonly string[]).includes(invitation.status) &&
    !invitation.feedbackPublishedAt &&
    !!invitation.concludesAt &&
    now.getTime() - invitation.concludesAt.getTime() > FEEDBACK_DUE_DAYS * DAY_MS
  );
}

/**
 * A consultation's deadline is short: fewer than `minDays` days from publication (or from now, before it is
 * published) to the end of the deadline day. Short deadlines are the commonest reason organisations give for
 * not answering, so they are flagged to the coordinator.
 */
export function isShortConsultationDeadline(
  deadline: string,
  publishedAt: Date | null | undefined,
  now: Date,
  minDays: number,
): boolean {
  const from = publishedAt ?? now;
  const end = Date.parse(`${deadline}T23:59:59Z`);
  return (end - from.getTime()) / DAY_MS < minDays;
}
