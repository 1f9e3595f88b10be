import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AgendaItemKind,
  AgendaItemStatus,
  MAX_AGENDA_ITEMS,
  MeetingEventKind,
  MeetingStatus,
  PlanningAction,
  TEXT_LIMITS,
  UserErrorCode,
  canPlan,
  isNoticeGiven,
  moveInOrder,
  normaliseText,
} from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import type { Outbox } from '../outbox/outbox.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { InputProblems, userError } from '../graphql/user-error.js';
import { meetingTopic, publishLiveEvent } from '../live/publish.js';
import { Forum } from '../forums/forum.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { MeetingAdjuster } from '../meetings/meeting-adjuster.entity.js';
import { meetingPolicy } from '../meetings/meeting.policy.js';
import { accessFactsOf, loadMeetingWithAgenda } from '../meetings/meeting.queries.js';
import { StandardAgendaItem } from './standard-agenda-item.entity.js';
import {
  agendaItemFields,
  meetingDetails,
  type AgendaItemFieldsInput,
  type MeetingDetails,
  type MeetingDetailsInput,
} from './planning-input.js';
import { renumber } from './positions.js';
import { publishedMeetingChanged, type PublishedMeetingChange } from './published-meeting-changed.js';
import { returnScheduledSubmissions } from '../submissions/submission-scheduling-hooks.js';

/** Who prepares: the viewer, and the outbox the notice of a published meeting's change goes through. */
export interface PlanningContext {
  em: EntityManager;
  viewer: Viewer | null;
  outbox?: Outbox;
}

/** Every edit names the meeting and the version its author saw. */
export interface MeetingEditInput {
  /** The meeting's uuid; null when the given id was not a meeting's. */
  meetingId: string | null;
  expectedVersion: number;
}

export interface AgendaItemEditInput extends MeetingEditInput {
  /** The agenda item's uuid; null when the given id was not an agenda item's. */
  agendaItemId: string | null;
}

interface Locked {
  meeting: Meeting;
  agenda: AgendaItem[];
  now: Date;
}

interface Edit {
  kind: MeetingEventKind;
  /** The notice members of a published meeting get; null when the change tells them nothing new. */
  change: PublishedMeetingChange | null;
}

/** The meeting an edit names, and the version its author saw; null when nothing was seen to guard. */
interface EditTarget {
  meetingId: string | null;
  expectedVersion: number | null;
}

/**
 * The frame of every edit of a meeting being prepared, in one transaction, as the chair's actions: lock the
 * meeting row, check who edits (those who manage the forum's meetings), the version they saw and whether the
 * meeting's status still allows it; apply; bump the version; publish the live event; and hand a change of a
 * published meeting to its notice. Two edits at once are serialised by the lock; the second gets STALE_VERSION,
 * so concurrent reorders can never leave two items on one position.
 */
async function planningEdit(
  ctx: PlanningContext,
  input: MeetingEditInput,
  action: PlanningAction,
  apply: (locked: Locked, tx: EntityManager) => Promise<Edit>,
): Promise<Meeting> {
  if (!ctx.viewer) throw unauthenticated();
  const meetingId = await ctx.em.transactional(
    async (tx) => (await editInTransaction(tx, ctx, input, action, apply)).id,
  );
  return (await loadMeetingWithAgenda(ctx.em.fork(), meetingId))!;
}

/** The frame of planningEdit inside a transaction the caller holds (scheduling a matter runs in its own). */
async function editInTransaction(
  tx: EntityManager,
  ctx: PlanningContext,
  input: EditTarget,
  action: PlanningAction,
  apply: (locked: Locked, tx: EntityManager) => Promise<Edit>,
): Promise<Meeting> {
  const { viewer } = ctx;
  if (!viewer) throw unauthenticated();
  const meeting = input.meetingId
    ? await tx.findOne(Meeting, input.meetingId, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
  if (!meeting) throw userError('meetingId', 'Mötet finns inte.', UserErrorCode.NOT_FOUND);
  if (!meetingPolicy.manage(viewer, accessFactsOf(meeting))) throw forbidden();
  if (input.expectedVersion !== null && meeting.version !== input.expectedVersion) {
    throw userError(
      'expectedVersion',
      'Mötet har just ändrats av någon annan. Visa det senaste läget och försök igen.',
      UserErrorCode.STALE_VERSION,
    );
  }
  if (!canPlan(meeting.status, action)) {
    throw userError(
      '',
      'Mötet har redan börjat, hållits eller ställts in; det går inte att ändra längre.',
      UserErrorCode.INVALID_TRANSITION,
    );
  }
  const noticeGiven = isNoticeGiven(meeting.status);
  const agenda = await meeting.agenda.loadItems({ dataloader: false });
  const { kind, change } = await apply({ meeting, agenda, now: new Date() }, tx);
  meeting.version++;
  await tx.flush();
  await publishLiveEvent(tx, { topic: meetingTopic(meeting.id), kind, subjectId: meeting.id });
  if (noticeGiven && change) await publishedMeetingChanged(tx, ctx.outbox, meeting, change);
  return meeting;
}

async function setAdjusters(tx: EntityManager, meeting: Meeting, details: MeetingDetails) {
  await tx.nativeDelete(MeetingAdjuster, { meeting: meeting.id });
  details.adjusters.forEach((person, index) =>
    tx.create(MeetingAdjuster, { meeting, person, position: index + 1 }),
  );
}

/**
 * The coordinator or the forum's convener creates a meeting, as a draft. Its agenda starts as a copy of the
 * forum's standard agenda, if it has one.
 */
export async function createMeeting(
  ctx: PlanningContext,
  input: MeetingDetailsInput & { forumId: string | null },
): Promise<Meeting> {
  const { viewer } = ctx;
  if (!viewer) throw unauthenticated();
  const meetingId = await ctx.em.transactional(async (tx) => {
    const forum = input.forumId ? await tx.findOne(Forum, input.forumId) : null;
    if (!forum) throw userError('forumId', 'Forumet finns inte.', UserErrorCode.NOT_FOUND);
    if (!meetingPolicy.manage(viewer, { forumId: forum.id })) throw forbidden();
    const details = await meetingDetails(tx, input, new Date());
    const meeting = tx.create(Meeting, {
      forum,
      title: details.title,
      startsAt: details.startsAt,
      endsAt: details.endsAt,
      location: details.location,
      accessibility: details.accessibility,
      digitalLink: details.digitalLink,
      chair: details.chair,
    });
    await setAdjusters(tx, meeting, details);
    const standard = await tx.find(StandardAgendaItem, { forum: forum.id }, { orderBy: { position: 'asc' } });
    for (const item of standard) {
      tx.create(AgendaItem, {
        meeting,
        position: item.position,
        title: item.title,
        kind: item.kind,
        presenter: item.presenter,
        plannedMinutes: item.plannedMinutes,
        description: item.description,
      });
    }
    await tx.flush();
    return meeting.id;
  });
  return (await loadMeetingWithAgenda(ctx.em.fork(), meetingId))!;
}

/** Changes a meeting's details: title, times, place, link, chair and adjusters. */
export function updateMeeting(ctx: PlanningContext, input: MeetingEditInput & MeetingDetailsInput) {
  return planningEdit(ctx, input, PlanningAction.EDIT_DETAILS, async ({ meeting, now }, tx) => {
    const details = await meetingDetails(tx, input, now, meeting.startsAt);
    tx.assign(meeting, {
      title: details.title,
      startsAt: details.startsAt,
      endsAt: details.endsAt,
      location: details.location,
      accessibility: details.accessibility,
      digitalLink: details.digitalLink,
      chair: details.chair,
    });
    await setAdjusters(tx, meeting, details);
    return { kind: MeetingEventKind.DETAILS_CHANGED, change: 'DETAILS_CHANGED' };
  });
}

/** Calls a meeting off before it is held, with the reason its members are told. */
export function cancelMeeting(ctx: PlanningContext, input: MeetingEditInput & { reason: string }) {
  return planningEdit(ctx, input, PlanningAction.CANCEL, async ({ meeting, agenda, now }, tx) => {
    const reason = normaliseText(input.reason);
    const problems = new InputProblems();
    if (!reason) problems.add('reason', 'Skriv varför mötet ställs in.', UserErrorCode.REQUIRED);
    else if (reason.length > TEXT_LIMITS.reason) problems.tooLong('reason', TEXT_LIMITS.reason);
    problems.throwIfAny();
    await returnScheduledSubmissions(tx, ctx.outbox, {
      agendaItemIds: agenda.map((item) => item.id),
      actorId: ctx.viewer!.id,
      text: `Sammanträdet ${meeting.title} ställdes in: ${reason}`,
    });
    meeting.status = MeetingStatus.CANCELLED;
    meeting.cancelledAt = now;
    meeting.cancellationReason = reason;
    return { kind: MeetingEventKind.MEETING_CANCELLED, change: 'CANCELLED' };
  });
}

function itemOf(agenda: AgendaItem[], agendaItemId: string | null): AgendaItem {
  const item = agenda.find((candidate) => candidate.id === agendaItemId);
  if (!item)
    throw userError('agendaItemId', 'Punkten finns inte på mötets dagordning.', UserErrorCode.NOT_FOUND);
  return item;
}

function positionError(count: number) {
  return userError(
    'position',
    count === 1 ? 'Platsen finns inte; välj 1.' : `Platsen finns inte; välj en plats från 1 till ${count}.`,
    UserErrorCode.INVALID,
  );
}

const AGENDA_CHANGED: Edit = { kind: MeetingEventKind.AGENDA_CHANGED, change: 'AGENDA_CHANGED' };

/** Adds an item to the agenda, at `position` (1..n+1) or last. */
export function addAgendaItem(
  ctx: PlanningContext,
  input: MeetingEditInput & AgendaItemFieldsInput & { position?: number | null },
) {
  return planningEdit(ctx, input, PlanningAction.EDIT_AGENDA, async ({ meeting, agenda }, tx) => {
    const fields = await agendaItemFields(tx, input, true);
    if (agenda.length >= MAX_AGENDA_ITEMS) {
      throw userError(
        '',
        `En dagordning har högst ${MAX_AGENDA_ITEMS} punkter.`,
        UserErrorCode.LIMIT_REACHED,
      );
    }
    const position = input.position ?? agenda.length + 1;
    if (!Number.isInteger(position) || position < 1 || position > agenda.length + 1) {
      throw positionError(agenda.length + 1);
    }
    const item = tx.create(AgendaItem, { meeting, position: 0, ...fields });
    const order = [...agenda];
    order.splice(position - 1, 0, item);
    await renumber(tx, order);
    return AGENDA_CHANGED;
  });
}

/** Changes an item's title, kind, presenter, planned minutes, description and activity of the plan. */
export function updateAgendaItem(ctx: PlanningContext, input: AgendaItemEditInput & AgendaItemFieldsInput) {
  return planningEdit(ctx, input, PlanningAction.EDIT_AGENDA, async ({ agenda }, tx) => {
    const item = itemOf(agenda, input.agendaItemId);
    tx.assign(item, await agendaItemFields(tx, input, true));
    return AGENDA_CHANGED;
  });
}

/** Removes an item; the items after it move up. */
export function removeAgendaItem(ctx: PlanningContext, input: AgendaItemEditInput) {
  return planningEdit(ctx, input, PlanningAction.EDIT_AGENDA, async ({ agenda }, tx) => {
    const item = itemOf(agenda, input.agendaItemId);
    await returnScheduledSubmissions(tx, ctx.outbox, {
      agendaItemIds: [item.id],
      actorId: ctx.viewer!.id,
      text: `Punkten ”${item.title}” togs bort från dagordningen.`,
    });
    tx.remove(item);
    await renumber(
      tx,
      agenda.filter((other) => other !== item),
    );
    return AGENDA_CHANGED;
  });
}

/** Moves an item to a position 1..n; the items between shift by one. */
export function moveAgendaItem(ctx: PlanningContext, input: AgendaItemEditInput & { position: number }) {
  return planningEdit(ctx, input, PlanningAction.EDIT_AGENDA, async ({ agenda }, tx) => {
    const item = itemOf(agenda, input.agendaItemId);
    const order = moveInOrder(agenda, agenda.indexOf(item) + 1, input.position);
    if (!order) throw positionError(agenda.length);
    await renumber(tx, order);
    return AGENDA_CHANGED;
  });
}

/** What a matter scheduled onto a new agenda item brings to it. */
export interface ScheduledItemFields {
  title: string;
  description: string | null;
}

/** Minutes planned for a matter's new item; the convener adjusts them in the builder. */
const SCHEDULED_ITEM_MINUTES = 15;

/**
 * Puts a matter on a meeting's agenda inside the scheduling's own transaction: either a new decision item last
 * (the members of a published meeting get their change notice, as for any added item), or an existing pending
 * item (a link only: the agenda reads the same, so no notice). Either way the meeting's version moves on and
 * its watchers hear of it, since the item now shows the matter. No expected version of the meeting: adding last
 * or linking conflicts with no view of the agenda, and the matter's own version guards the scheduler's view.
 */
export async function scheduleOnAgenda(
  tx: EntityManager,
  ctx: PlanningContext,
  meetingId: string,
  target: { agendaItemId: string } | { newItem: ScheduledItemFields },
): Promise<AgendaItem> {
  let scheduled: AgendaItem | undefined;
  await editInTransaction(
    tx,
    ctx,
    { meetingId, expectedVersion: null },
    PlanningAction.EDIT_AGENDA,
    async ({ meeting, agenda }) => {
      if ('agendaItemId' in target) {
        const item = itemOf(agenda, target.agendaItemId);
        if (item.status !== AgendaItemStatus.PENDING) {
          throw userError(
            'agendaItemId',
            'Punkten har redan behandlats; välj en punkt som inte har tagits upp.',
            UserErrorCode.INVALID_TRANSITION,
          );
        }
        scheduled = item;
        return { kind: MeetingEventKind.AGENDA_CHANGED, change: null };
      }
      if (agenda.length >= MAX_AGENDA_ITEMS) {
        throw userError(
          'meetingId',
          `En dagordning har högst ${MAX_AGENDA_ITEMS} punkter.`,
          UserErrorCode.LIMIT_REACHED,
        );
      }
      scheduled = tx.create(AgendaItem, {
        meeting,
        position: 0,
        title: target.newItem.title,
        kind: AgendaItemKind.DECISION,
        presenter: null,
        plannedMinutes: SCHEDULED_ITEM_MINUTES,
        description: target.newItem.description,
        activity: null,
      });
      await renumber(tx, [...agenda, scheduled]);
      return AGENDA_CHANGED;
    },
  );
  return scheduled!;
}
