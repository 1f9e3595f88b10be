import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  MeetingEventKind,
  PlanningAction,
  SubmissionAction,
  SubmissionPublication,
  SubmissionStatus,
  TEXT_LIMITS,
  UserErrorCode,
  canPlan,
  canTakeSubmissionAction,
  SubmissionRole,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { userError } from '../graphql/user-error.js';
import { meetingTopic, publishLiveEvent } from '../live/publish.js';
import type { Outbox } from '../outbox/outbox.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { loadMeetingWithAgenda } from '../meetings/meeting.queries.js';
import { scheduleOnAgenda, type ScheduledItemFields } from '../meeting-planning/meeting-planning.service.js';
import { COUNCIL_FORUM_SLUG, submissionPolicy, viewerSubmissionFacts } from './submission-access.js';
import { cosigningPartyIds } from './submission-loaders.js';
import { submissionSchedulingPolicy } from './submission-scheduling.policy.js';
import { recordSubmissionStep } from './submission-steps.js';
import { Submission } from './submission.entity.js';

/** Who schedules: the viewer, and the outbox the published meeting's change notice goes through. */
export interface SchedulingContext {
  em: EntityManager;
  viewer: Viewer | null;
  outbox?: Outbox;
}

export interface UnscheduleSubmissionInput {
  /** The matter's uuid; null when the given id was not a matter's. */
  submissionId: string | null;
  /** The matter's version the scheduler saw. */
  expectedVersion: number;
}

export interface ScheduleSubmissionInput extends UnscheduleSubmissionInput {
  /** The meeting's uuid; null when the given id was not a meeting's. */
  meetingId: string | null;
  /** An existing pending item of the meeting; undefined for a new item; null when the id was not an item's. */
  agendaItemId?: string | null;
}

export interface ScheduledResult {
  submission: Submission;
  meeting: Meeting;
}

const notFound = () => userError('submissionId', 'Ärendet finns inte.', UserErrorCode.NOT_FOUND);

/**
 * The viewer's workflow roles on the matter, read outside the writing transaction so that the rule is decided
 * before any row is locked. Refuses the signed-out, a matter they may not know of, and anyone but the
 * coordinator and the council's conveners.
 */
async function schedulerRoles(
  ctx: SchedulingContext,
  submissionId: string | null,
): Promise<{ roles: SubmissionRole[]; agendaItemId: string | null }> {
  if (!ctx.viewer) throw unauthenticated();
  const em = ctx.em.fork();
  const submission = submissionId ? await em.findOne(Submission, submissionId) : null;
  const facts = await viewerSubmissionFacts(em, ctx.viewer);
  if (!submission || !submissionPolicy.see(facts, submission)) throw notFound();
  const roles = submissionPolicy.roles(facts, submission, await cosigningPartyIds(em, submission.id));
  if (!submissionSchedulingPolicy.coordinate(roles)) throw forbidden();
  return { roles, agendaItemId: submission.agendaItem?.id ?? null };
}

/** The matter, locked, as the scheduler saw it and in a status the action is taken from. */
async function lockedSubmission(
  tx: EntityManager,
  input: UnscheduleSubmissionInput,
  action: SubmissionAction,
  roles: readonly SubmissionRole[],
): Promise<Submission> {
  const submission = await tx.findOne(Submission, input.submissionId!, {
    lockMode: LockMode.PESSIMISTIC_WRITE,
  });
  if (!submission) throw notFound();
  if (submission.version !== input.expectedVersion) {
    throw userError(
      'expectedVersion',
      'Ärendet har just ändrats av någon annan. Visa det senaste läget och försök igen.',
      UserErrorCode.STALE_VERSION,
    );
  }
  if (!canTakeSubmissionAction(submission.status, action, roles)) {
    throw userError(
      'submissionId',
      action === SubmissionAction.SCHEDULE
        ? 'Bara registrerade eller remitterade ärenden kan planeras till ett sammanträde.'
        : 'Ärendet är inte planerat till något sammanträde.',
      UserErrorCode.INVALID_TRANSITION,
    );
  }
  return submission;
}

/**
 * The meeting to schedule on, locked before the matter (the order a cancellation or a decision takes them in):
 * a meeting of Samverkansrådet that is still being prepared, not started, held or cancelled.
 */
async function lockedCouncilMeeting(tx: EntityManager, meetingId: string | null): Promise<Meeting> {
  const meeting = meetingId
    ? await tx.findOne(Meeting, meetingId, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['forum'] })
    : null;
  if (!meeting) throw userError('meetingId', 'Sammanträdet finns inte.', UserErrorCode.NOT_FOUND);
  if (meeting.forum.getEntity().slug !== COUNCIL_FORUM_SLUG) {
    throw userError(
      'meetingId',
      'Ärenden kan bara planeras till sammanträden i Samverkansrådet.',
      UserErrorCode.INVALID,
    );
  }
  if (!canPlan(meeting.status, PlanningAction.EDIT_AGENDA)) {
    throw userError(
      'meetingId',
      'Sammanträdet har redan börjat, hållits eller ställts in; välj ett kommande sammanträde.',
      UserErrorCode.INVALID_TRANSITION,
    );
  }
  return meeting;
}

/**
 * The new agenda item's text. The agenda is public, so a matter handled without publication brings only its
 * number; a public one its title, and its description as far as an item's description holds it, with the
 * address of the whole matter.
 */
export function scheduledItemFields(submission: Submission): ScheduledItemFields {
  const number = submission.registrationNumber ?? '';
  if (submission.publication !== SubmissionPublication.PUBLIC) {
    return { title: `${number}: Anmält ärende`, description: `Ärendet: /arenden/${submission.id}` };
  }
  const link = `\n\nHela ärendet: /arenden/${submission.id}`;
  const room = TEXT_LIMITS.description - link.length;
  const body =
    submission.description.length > room
      ? `${submission.description.slice(0, room - 1)}…`
      : submission.description;
  return { title: `${number}: ${submission.title}`, description: `${body}${link}` };
}

/**
 * Puts a registered or referred matter on the agenda of an upcoming Samverkansrådet meeting: on a new decision
 * item last, or on an existing pending item. One transaction: the item, the matter's status and its timeline
 * entry with the link to the item, the meeting's live event and, for a published meeting, its change notice.
 */
export async function scheduleSubmission(
  ctx: SchedulingContext,
  input: ScheduleSubmissionInput,
): Promise<ScheduledResult> {
  const { roles } = await schedulerRoles(ctx, input.submissionId);
  if (input.agendaItemId === null) {
    throw userError('agendaItemId', 'Punkten finns inte på mötets dagordning.', UserErrorCode.NOT_FOUND);
  }
  const ids = await ctx.em.transactional(async (tx) => {
    const meeting = await lockedCouncilMeeting(tx, input.meetingId);
    const submission = await lockedSubmission(tx, input, SubmissionAction.SCHEDULE, roles);
    const item = await scheduleOnAgenda(
      tx,
      { em: tx, viewer: ctx.viewer, outbox: ctx.outbox },
      meeting.id,
      input.agendaItemId
        ? { agendaItemId: input.agendaItemId }
        : { newItem: scheduledItemFields(submission) },
    );
    const fromStatus = submission.status;
    submission.status = SubmissionStatus.SCHEDULED;
    submission.agendaItem = ref(item);
    await recordSubmissionStep(tx, ctx.outbox, {
      submission,
      action: SubmissionAction.SCHEDULE,
      fromStatus,
      actorId: ctx.viewer!.id,
      agendaItemId: item.id,
    });
    return { submissionId: submission.id, meetingId: meeting.id };
  });
  return reload(ctx.em, ids.submissionId, ids.meetingId);
}

/**
 * Takes a scheduled matter off its meeting: back to REGISTERED, ready to be scheduled again. The agenda item
 * stays: it may have been planned before the matter was put on it, and the agenda is the convener's to edit, so
 * they remove it in the builder if it is no longer wanted. The meeting is locked first (the order a cancellation
 * or a decision takes) and its version moves on, so the pages showing the item's matters take the change.
 */
export async function unscheduleSubmission(
  ctx: SchedulingContext,
  input: UnscheduleSubmissionInput,
): Promise<Submission> {
  const { roles, agendaItemId: seenItemId } = await schedulerRoles(ctx, input.submissionId);
  const submissionId = await ctx.em.transactional(async (tx) => {
    const seenItem = seenItemId ? await tx.findOne(AgendaItem, seenItemId) : null;
    const meeting = seenItem
      ? await tx.findOne(Meeting, seenItem.meeting.id, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    const submission = await lockedSubmission(tx, input, SubmissionAction.UNSCHEDULE, roles);
    // The version check above guards the item too: scheduling elsewhere in between moved the version on.
    const agendaItemId = submission.agendaItem?.id ?? null;
    submission.status = SubmissionStatus.REGISTERED;
    submission.agendaItem = null;
    await recordSubmissionStep(tx, ctx.outbox, {
      submission,
      action: SubmissionAction.UNSCHEDULE,
      fromStatus: SubmissionStatus.SCHEDULED,
      actorId: ctx.viewer!.id,
      agendaItemId,
    });
    if (meeting) {
      meeting.version++;
      await tx.flush();
      await publishLiveEvent(tx, {
        topic: meetingTopic(meeting.id),
        kind: MeetingEventKind.AGENDA_CHANGED,
        subjectId: meeting.id,
      });
    }
    return submission.id;
  });
  return (await ctx.em.fork().findOne(Submission, submissionId))!;
}

async function reload(em: EntityManager, submissionId: string, meetingId: string): Promise<ScheduledResult> {
  const fresh = em.fork();
  const [submission, meeting] = await Promise.all([
    fresh.findOne(Submission, submissionId),
    loadMeetingWithAgenda(fresh, meetingId),
  ]);
  return { submission: submission!, meeting: meeting! };
}

/** The picker lists at most this many; the register's filters find the rest. */
const SCHEDULABLE_LIMIT = 200;

/**
 * The matters ready to be put on the council's agenda (registered or referred), oldest registration first: for
 * those who may schedule them, who are those who build the council's agendas.
 */
export async function schedulableSubmissions(
  em: EntityManager,
  viewer: Viewer | null,
): Promise<Submission[]> {
  if (!viewer) throw unauthenticated();
  const { coordinates } = await viewerSubmissionFacts(em, viewer);
  if (!submissionSchedulingPolicy.coordinate(coordinates ? [SubmissionRole.COORDINATOR] : []))
    throw forbidden();
  return em.find(
    Submission,
    { status: { $in: [SubmissionStatus.REGISTERED, SubmissionStatus.REFERRED] } },
    { orderBy: { registeredAt: 'asc', id: 'asc' }, limit: SCHEDULABLE_LIMIT },
  );
}
