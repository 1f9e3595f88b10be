import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AgendaItemStatus,
  MINUTES_DRAFTED_AFTER,
  MinutesAction,
  MinutesStatus,
  TEXT_LIMITS,
  UserErrorCode,
  canTakeMinutesAction,
  normaliseText,
  statusAfterApproval,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { InputProblems, tooLongError, userError } from '../graphql/user-error.js';
import type { Outbox } from '../outbox/outbox.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { toGlobalId } from '../graphql/node.js';
import { ApproverRole, Minutes, MinutesApproval, MinutesParagraph } from './minutes.entity.js';
import { storeAttendance, type AttendanceSource } from './minutes-attendance.js';
import { accessFacts } from './minutes-document.js';
import { minutesPolicy, minutesRoles } from './minutes.policy.js';
import { mailApprovers } from './minutes-mails.js';

/** Every step names the meeting and the version of the minutes' texts its author read. */
export interface MinutesStepInput {
  /** The meeting's uuid; null when the given id was not a meeting's. */
  meetingId: string | null;
  expectedVersion: number;
}

export interface EditMinutesInput extends MinutesStepInput {
  openingNote?: string | null;
  closingNote?: string | null;
  paragraphs?: { number: number; decision?: string | null; minute?: string | null }[] | null;
}

export interface RequestCorrectionInput extends MinutesStepInput {
  note: string;
}

interface Locked {
  minutes: Minutes;
  meeting: Meeting;
  now: Date;
}

const notFound = () => userError('meetingId', 'Mötet har inget protokoll.', UserErrorCode.NOT_FOUND);

/**
 * The frame of every step on drafted minutes, in one transaction: lock the minutes' row, check who acts (a
 * drafter's step refuses others; an approver's step answers one who is not an approver with a field error),
 * the version they read and the workflow table, then apply. Two approvers at once are serialised by the lock.
 */
async function minutesStep(
  em: EntityManager,
  viewer: Viewer | null,
  input: MinutesStepInput,
  action: MinutesAction,
  apply: (locked: Locked, tx: EntityManager) => Promise<void> | void,
): Promise<string> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const minutes = input.meetingId
      ? await tx.findOne(Minutes, { meeting: input.meetingId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!minutes) {
      const meeting = input.meetingId ? await tx.findOne(Meeting, input.meetingId) : null;
      if (meeting && action !== MinutesAction.APPROVE && action !== MinutesAction.REQUEST_CORRECTION) {
        await meeting.adjusters.init({ dataloader: false });
        const facts = accessFacts(meeting, null);
        if (!minutesPolicy.draft(viewer, facts)) throw forbidden();
      }
      throw notFound();
    }
    await minutes.approvals.init({ dataloader: false });
    const meeting = await tx.findOneOrFail(Meeting, minutes.meeting.id, { populate: ['forum', 'adjusters'] });
    const facts = accessFacts(meeting, minutes);
    const drafterStep = action !== MinutesAction.APPROVE && action !== MinutesAction.REQUEST_CORRECTION;
    if (drafterStep && !minutesPolicy.draft(viewer, facts)) throw forbidden();
    if (!drafterStep && !minutesPolicy.approve(viewer)) throw forbidden();
    if (!minutesPolicy.see(viewer, facts)) throw notFound();
    if (minutes.version !== input.expectedVersion) {
      throw userError(
        'expectedVersion',
        'Protokollet har just ändrats. Läs det senaste läget och försök igen.',
        UserErrorCode.STALE_VERSION,
      );
    }
    if (!canTakeMinutesAction(minutes.status, action, minutesRoles(viewer, facts))) {
      throw userError('', outOfTurn(minutes.status, action), UserErrorCode.INVALID_TRANSITION);
    }
    await apply({ minutes, meeting, now: new Date() }, tx);
    await tx.flush();
    return meeting.id;
  });
}

/** Why a step is not possible now, as the person who tried should hear it. */
function outOfTurn(status: MinutesStatus, action: MinutesAction): string {
  if (action === MinutesAction.APPROVE || action === MinutesAction.REQUEST_CORRECTION) {
    return status === MinutesStatus.SENT_FOR_APPROVAL
      ? 'Du är inte justerare av det här protokollet.'
      : 'Protokollet är inte skickat för justering.';
  }
  if (action === MinutesAction.PUBLISH) return 'Protokollet kan publiceras först när det är justerat.';
  return 'Protokollet kan bara ändras och skickas medan det är ett utkast.';
}

/** Drafts the minutes of a closed meeting from what was recorded: its items, their outcomes, the attendance. */
export async function draftMinutes(
  em: EntityManager,
  viewer: Viewer | null,
  meetingId: string | null,
  attendance: AttendanceSource,
): Promise<string> {
  if (!viewer) throw unauthenticated();
  return em.transactional(async (tx) => {
    const meeting = meetingId
      ? await tx.findOne(Meeting, meetingId, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!meeting) throw userError('meetingId', 'Mötet finns inte.', UserErrorCode.NOT_FOUND);
    await meeting.adjusters.init({ dataloader: false });
    if (!minutesPolicy.draft(viewer, accessFacts(meeting, null))) throw forbidden();
    if (meeting.status !== MINUTES_DRAFTED_AFTER) {
      throw userError(
        'meetingId',
        'Protokollet kan upprättas först när mötet är avslutat.',
        UserErrorCode.INVALID_TRANSITION,
      );
    }
    if (await tx.count(Minutes, { meeting })) {
      throw userError('meetingId', 'Mötet har redan ett protokoll.', UserErrorCode.DUPLICATE);
    }
    const minutes = tx.create(Minutes, {
      meeting,
      attendance: storeAttendance(await attendance(tx, meeting.id)),
      draftedAt: new Date(),
    });
    const agenda = await meeting.agenda.loadItems({ dataloader: false });
    agenda.forEach((item, i) =>
      tx.create(MinutesParagraph, {
        minutes,
        number: i + 1,
        title: item.title,
        deferred: item.status === AgendaItemStatus.DEFERRED,
        decision: item.decision ?? null,
        minute: item.minute ?? null,
      }),
    );
    await tx.flush();
    return meeting.id;
  });
}

function checkEdit(input: EditMinutesInput) {
  const problems = new InputProblems();
  const nothing =
    input.openingNote === undefined && input.closingNote === undefined && !input.paragraphs?.length;
  if (nothing) problems.add('', 'Ändra någon text först.', UserErrorCode.REQUIRED);
  for (const key of ['openingNote', 'closingNote'] as const) {
    if ((normaliseText(input[key])?.length ?? 0) > TEXT_LIMITS.minutesNote) {
      problems.tooLong(key, TEXT_LIMITS.minutesNote);
    }
  }
  input.paragraphs?.forEach((paragraph, i) => {
    if ((normaliseText(paragraph.decision)?.length ?? 0) > TEXT_LIMITS.decision) {
      problems.tooLong(`paragraphs.${i}.decision`, TEXT_LIMITS.decision);
    }
    if ((normaliseText(paragraph.minute)?.length ?? 0) > TEXT_LIMITS.minute) {
      problems.tooLong(`paragraphs.${i}.minute`, TEXT_LIMITS.minute);
    }
  });
  problems.throwIfAny();
}

/** Corrects the draft's texts; omitted fields stay, blank text clears. */
export function editMinutes(em: EntityManager, viewer: Viewer | null, input: EditMinutesInput) {
  return minutesStep(em, viewer, input, MinutesAction.EDIT, async ({ minutes }) => {
    checkEdit(input);
    const paragraphs = await minutes.paragraphs.loadItems({ dataloader: false });
    const problems = new InputProblems();
    const changes = (input.paragraphs ?? []).map((change, i) => {
      const paragraph = paragraphs.find((candidate) => candidate.number === change.number);
      if (!paragraph) {
        problems.add(
          `paragraphs.${i}.number`,
          `Protokollet har ingen § ${change.number}.`,
          UserErrorCode.NOT_FOUND,
        );
      }
      return { paragraph, change };
    });
    problems.throwIfAny();
    for (const { paragraph, change } of changes) {
      if (change.decision !== undefined) paragraph!.decision = normaliseText(change.decision);
      if (change.minute !== undefined) paragraph!.minute = normaliseText(change.minute);
    }
    if (input.openingNote !== undefined) minutes.openingNote = normaliseText(input.openingNote);
    if (input.closingNote !== undefined) minutes.closingNote = normaliseText(input.closingNote);
    minutes.version++;
  });
}

/** Sends the draft to the chair and every adjuster, by mail, each with a link to approve it. */
export function sendMinutesForApproval(
  em: EntityManager,
  viewer: Viewer | null,
  outbox: Outbox | undefined,
  input: MinutesStepInput,
) {
  return minutesStep(
    em,
    viewer,
    input,
    MinutesAction.SEND_FOR_APPROVAL,
    async ({ minutes, meeting, now }, tx) => {
      const chair = meeting.chair ? await meeting.chair.load({ dataloader: false }) : null;
      const adjusters = await Promise.all(
        meeting.adjusters.getItems().map((adjuster) => adjuster.person.load({ dataloader: false })),
      );
      const problems = new InputProblems();
      if (!chair)
        problems.add(
          'meetingId',
          'Mötet har ingen ordförande som kan justera protokollet.',
          UserErrorCode.REQUIRED,
        );
      if (adjusters.length === 0)
        problems.add('meetingId', 'Mötet har inga justerare.', UserErrorCode.REQUIRED);
      problems.throwIfAny();
      const approvers = [
        { person: chair!, role: ApproverRole.CHAIR },
        ...adjusters
          .filter((person) => person!.id !== chair!.id)
          .map((person) => ({ person: person!, role: ApproverRole.ADJUSTER })),
      ];
      tx.remove(minutes.approvals.getItems());
      await tx.flush();
      approvers.forEach(({ person, role }, position) =>
        tx.create(MinutesApproval, { minutes, person, name: person.name, role, position }),
      );
      minutes.status = MinutesStatus.SENT_FOR_APPROVAL;
      minutes.sentAt = now;
      await mailApprovers(
        tx,
        outbox,
        approvers.map(({ person }) => ({
          to: person.email,
          forumName: meeting.forum.getEntity().name,
          meetingTitle: meeting.title,
          startsAt: meeting.startsAt.toISOString(),
          meetingId: toGlobalId('Meeting', meeting.id),
        })),
      );
    },
  );
}

/** Records the viewer's approval (justering); the last approval makes the minutes approved. */
export function approveMinutes(em: EntityManager, viewer: Viewer | null, input: MinutesStepInput) {
  return minutesStep(em, viewer, input, MinutesAction.APPROVE, ({ minutes, now }) => {
    const approvals = minutes.approvals.getItems();
    const own = approvals.find((approval) => approval.person?.id === viewer!.id)!;
    if (own.approvedAt) {
      throw userError('', 'Du har redan justerat protokollet.', UserErrorCode.DUPLICATE);
    }
    own.approvedAt = now;
    minutes.status = statusAfterApproval(approvals);
    if (minutes.status === MinutesStatus.APPROVED) minutes.approvedAt = now;
  });
}

/** An approver sends the minutes back to the drafter with what to correct; approvals given so far lapse. */
export function requestMinutesCorrection(
  em: EntityManager,
  viewer: Viewer | null,
  input: RequestCorrectionInput,
) {
  const note = normaliseText(input.note);
  return minutesStep(em, viewer, input, MinutesAction.REQUEST_CORRECTION, ({ minutes, now }) => {
    if (!note) throw userError('note', 'Skriv vad som behöver rättas.', UserErrorCode.REQUIRED);
    if (note.length > TEXT_LIMITS.correctionNote) {
      throw tooLongError('note', TEXT_LIMITS.correctionNote);
    }
    for (const approval of minutes.approvals.getItems()) {
      approval.approvedAt = null;
      if (approval.person?.id === viewer!.id) {
        approval.correctionRequestedAt = now;
        approval.correctionNote = note;
      }
    }
    minutes.status = MinutesStatus.DRAFT;
    minutes.sentAt = null;
  });
}

/** Publishes approved minutes: a public page and PDF. */
export function publishMinutes(em: EntityManager, viewer: Viewer | null, input: MinutesStepInput) {
  return minutesStep(em, viewer, input, MinutesAction.PUBLISH, ({ minutes, now }) => {
    minutes.status = MinutesStatus.PUBLISHED;
    minutes.publishedAt = now;
  });
}
