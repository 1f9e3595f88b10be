import { MeetingStatus } from './enums.js';

/** Where a meeting's minutes (protokoll) are in their workflow. */
export enum MinutesStatus {
  /** Drafted from what was recorded; the drafter corrects the texts. */
  DRAFT = 'DRAFT',
  /** Sent to the chair and the adjusters, who approve it or ask for a correction. */
  SENT_FOR_APPROVAL = 'SENT_FOR_APPROVAL',
  /** Approved (justerat) by the chair and every adjuster. */
  APPROVED = 'APPROVED',
  /** Public: a page and a PDF for everyone. */
  PUBLISHED = 'PUBLISHED',
}

/** A minutes status as its string value; what GraphQL clients hold. */
export type MinutesStatusValue = `${MinutesStatus}`;

/**
 * Who takes a step. The drafter is whoever may run the meeting (the coordinator or its chair); an approver is
 * the chair or one of the adjusters named when the minutes were sent.
 */
export enum MinutesRole {
  DRAFTER = 'DRAFTER',
  APPROVER = 'APPROVER',
}

export enum MinutesAction {
  /** Correct the texts: each paragraph's decision and minute, the opening and closing notes. */
  EDIT = 'EDIT',
  SEND_FOR_APPROVAL = 'SEND_FOR_APPROVAL',
  /** One approver's approval; the last one makes the minutes APPROVED. */
  APPROVE = 'APPROVE',
  /** An approver sends the minutes back to the drafter; every approval given so far is withdrawn. */
  REQUEST_CORRECTION = 'REQUEST_CORRECTION',
  PUBLISH = 'PUBLISH',
}

/** The minutes' workflow: who may take each step, from which status, and the status it leads to. */
export const MINUTES_TRANSITIONS: Readonly<
  Record<MinutesAction, { by: MinutesRole; from: readonly MinutesStatus[]; to?: MinutesStatus }>
> = {
  [MinutesAction.EDIT]: { by: MinutesRole.DRAFTER, from: [MinutesStatus.DRAFT] },
  [MinutesAction.SEND_FOR_APPROVAL]: {
    by: MinutesRole.DRAFTER,
    from: [MinutesStatus.DRAFT],
    to: MinutesStatus.SENT_FOR_APPROVAL,
  },
  [MinutesAction.APPROVE]: { by: MinutesRole.APPROVER, from: [MinutesStatus.SENT_FOR_APPROVAL] },
  [MinutesAction.REQUEST_CORRECTION]: {
    by: MinutesRole.APPROVER,
    from: [MinutesStatus.SENT_FOR_APPROVAL],
    to: MinutesStatus.DRAFT,
  },
  [MinutesAction.PUBLISH]: {
    by: MinutesRole.DRAFTER,
    from: [MinutesStatus.APPROVED],
    to: MinutesStatus.PUBLISHED,
  },
};

/** Whether someone with these roles may take the action on minutes in this status. */
export function canTakeMinutesAction(
  status: MinutesStatus | MinutesStatusValue,
  action: MinutesAction,
  roles: readonly MinutesRole[],
): boolean {
  const step = MINUTES_TRANSITIONS[action];
  return (step.from as readonly string[]).includes(status) && roles.includes(step.by);
}

/** The actions someone with these roles may take now; the client shows only these. */
export function allowedMinutesActions(
  status: MinutesStatus | MinutesStatusValue,
  roles: readonly MinutesRole[],
): MinutesAction[] {
  return (Object.keys(MINUTES_TRANSITIONS) as MinutesAction[]).filter((action) =>
    canTakeMinutesAction(status, action, roles),
  );
}

/** The status after an approval: APPROVED once nobody is left to approve. */
export function statusAfterApproval(approvals: readonly { approvedAt?: unknown }[]): MinutesStatus {
  return approvals.every((approval) => approval.approvedAt != null)
    ? MinutesStatus.APPROVED
    : MinutesStatus.SENT_FOR_APPROVAL;
}

/** Minutes are drafted from what was recorded, so only once the meeting is closed. */
export const MINUTES_DRAFTED_AFTER = MeetingStatus.CLOSED;
