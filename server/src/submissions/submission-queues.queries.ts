import type { EntityManager } from '@mikro-orm/postgresql';
import { SubmissionStatus } from '@samverka/domain';
import type { GraphQLContext, Viewer } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { pageWindow, toConnection, type ConnectionShape } from '../graphql/connection.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import type { Meeting } from '../meetings/meeting.entity.js';
import { Submission } from './submission.entity.js';
import { viewerSubmissionFacts, type ViewerSubmissionFacts } from './submission-access.js';
import { liveCursor } from '../live/live-cursor.js';
import { partySubmissionsTopic, SUBMISSIONS_TOPIC } from '../live/publish.js';

const S = SubmissionStatus;

/** Who may read a party's own list, and whether its drafts are in it. */
export const submissionQueuePolicy = {
  /** The party's list: its own people (drafts included) and the coordinator (its drafts are private to the party). */
  readPartyList: (facts: ViewerSubmissionFacts, partyId: string): boolean =>
    facts.parties.has(partyId) || facts.coordinates,
  seesPartyDrafts: (facts: ViewerSubmissionFacts, partyId: string): boolean => facts.parties.has(partyId),
  /** The queue: the coordinator's sections, or a C-nätet representative's department's referrals. */
  readQueue: (facts: ViewerSubmissionFacts): boolean => facts.coordinates || facts.handles.size > 0,
};

export interface StatusCount {
  status: SubmissionStatus;
  count: number;
}

export interface PartySubmissions extends ConnectionShape<Submission> {
  statusCounts: StatusCount[];
  /** The party, whose topic the list's live cursor is of. */
  partyId: string;
}

/** Refuses a viewer who may not read the party's list; the facts otherwise. */
async function partyListFacts(em: EntityManager, viewer: Viewer | null, partyId: string) {
  if (!viewer) throw unauthenticated();
  const facts = await viewerSubmissionFacts(em, viewer);
  if (!submissionQueuePolicy.readPartyList(facts, partyId)) throw forbidden();
  return facts;
}

/**
 * A party's matters, newest change first, with its counts per status (of the whole list, whatever the
 * filter): two statements besides the viewer's facts, whatever the list's length. Indexes: (party_id,
 * updated_at) for the page, (party_id, status) for the counts.
 */
export async function partySubmissions(
  em: EntityManager,
  viewer: Viewer | null,
  args: {
    partyId: string;
    first?: number | null;
    after?: string | null;
    statuses?: SubmissionStatus[] | null;
  },
): Promise<PartySubmissions> {
  const { limit, offset } = pageWindow(args.first, args.after);
  const facts = await partyListFacts(em, viewer, args.partyId);
  const visible = submissionQueuePolicy.seesPartyDrafts(facts, args.partyId)
    ? Object.values(S)
    : Object.values(S).filter((status) => status !== S.DRAFT);
  const statuses = args.statuses?.length ? visible.filter((s) => args.statuses!.includes(s)) : visible;
  const [rows, counts] = await Promise.all([
    statuses.length
      ? em.find(
          Submission,
          { party: args.partyId, status: { $in: statuses } },
          { orderBy: { updatedAt: 'desc', id: 'desc' }, limit, offset },
        )
      : Promise.resolve([]),
    em
      .getConnection()
      .execute<{ status: SubmissionStatus; count: string }[]>(
        'select status, count(*)::text as count from submission where party_id = ? group by status',
        [args.partyId],
      ),
  ]);
  const statusCounts = visible
    .map((status) => ({ status, count: Number(counts.find((row) => row.status === status)?.count ?? 0) }))
    .filter((row) => row.count > 0);
  const totalCount = statusCounts
    .filter((row) => statuses.includes(row.status))
    .reduce((sum, row) => sum + row.count, 0);
  return { ...toConnection(rows, totalCount, offset), statusCounts, partyId: args.partyId };
}

/** One matter in a section of the queue, with what the section is ordered and flagged by. */
export interface QueueEntry {
  submission: Submission;
  /** When it entered its current status (its last status step; the last change when none is recorded). */
  since: Date;
  /** Whole days it has waited in its current status. */
  daysWaiting: number;
  /** The date the referred department is to answer by. */
  dueOn: string | null;
  /** The due date has passed without an answer. */
  overdue: boolean;
  /** The meeting whose agenda it is on. */
  meeting: Meeting | null;
}

export interface QueueSection {
  count: number;
  entries: QueueEntry[];
}

const sectionOf = (entries: QueueEntry[]): QueueSection => ({ count: entries.length, entries });

export interface SubmissionQueue {
  /** The viewer handles the coordinator's sections (else they are empty). */
  coordinates: boolean;
  awaitingRegistration: QueueSection;
  returned: QueueSection;
  referred: QueueSection;
  registered: QueueSection;
  scheduled: QueueSection;
  answered: QueueSection;
  /** Referred to a department whose C-nätet representative the viewer is. */
  referredToViewer: QueueSection;
}

/** The statuses the coordinator still has work with; the others are done (or the party's). */
const QUEUE_STATUSES = [S.SUBMITTED, S.RETURNED, S.REFERRED, S.REGISTERED, S.SCHEDULED, S.ANSWERED];

const DAY = 24 * 3600 * 1000;

/** Today's date in Stockholm, as YYYY-MM-DD: due dates are the municipality's calendar days. */
export function stockholmToday(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

const oldestFirst = (a: QueueEntry, b: QueueEntry) => a.since.getTime() - b.since.getTime();
/** Earliest due date first (so overdue ones lead), those without a date last. */
const dueFirst = (a: QueueEntry, b: QueueEntry) =>
  (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') || oldestFirst(a, b);
/** The soonest meeting first, those whose meeting is unknown last. */
const meetingFirst = (a: QueueEntry, b: QueueEntry) =>
  (a.meeting?.startsAt.getTime() ?? Infinity) - (b.meeting?.startsAt.getTime() ?? Infinity) ||
  oldestFirst(a, b);

/**
 * The coordinator's submission queue and a representative's referrals, in a constant number of statements:
 * the open matters (index on status, or (referred_to_id, status) for a representative's), when each entered
 * its status (one statement over the timeline), the meetings of the scheduled ones (one statement).
 */
export async function submissionQueue(
  em: EntityManager,
  viewer: Viewer | null,
  now = new Date(),
): Promise<SubmissionQueue | null> {
  if (!viewer) throw unauthenticated();
  const facts = await viewerSubmissionFacts(em, viewer);
  // Null rather than refused: a page may ask whether the viewer has a queue (the representative's referrals).
  if (!submissionQueuePolicy.readQueue(facts)) return null;
  const handled = [...facts.handles];
  const where = facts.coordinates
    ? { status: { $in: QUEUE_STATUSES } }
    : { status: S.REFERRED, referredTo: { $in: handled } };
  const submissions = await em.find(Submission, where, { populate: ['party'] });
  const ids = submissions.map((s) => s.id);
  const agendaItemIds = [
    ...new Set(
      submissions.filter((s) => s.status === S.SCHEDULED && s.agendaItem).map((s) => s.agendaItem!.id),
    ),
  ];
  const [steps, agendaItems] = await Promise.all([
    ids.length
      ? em.getConnection().execute<{ submission_id: string; occurred_at: Date }[]>(
          `select distinct on (e.submission_id) e.submission_id, e.occurred_at
             from submission_event e join submission s on s.id = e.submission_id and s.status = e.to_status
            where e.submission_id in (${ids.map(() => '?').join(',')})
            order by e.submission_id, e.occurred_at desc`,
          ids,
        )
      : Promise.resolve([]),
    agendaItemIds.length
      ? em.find(AgendaItem, { id: { $in: agendaItemIds } }, { populate: ['meeting'] })
      : Promise.resolve([]),
  ]);
  const today = stockholmToday(now);
  const entries = submissions.map((submission): QueueEntry => {
    const step = steps.find((row) => row.submission_id === submission.id);
    const since = step ? new Date(step.occurred_at) : submission.updatedAt;
    const dueOn = submission.status === S.REFERRED ? (submission.answerDueOn ?? null) : null;
    const item = submission.agendaItem
      ? agendaItems.find((a) => a.id === submission.agendaItem!.id)
      : undefined;
    return {
      submission,
      since,
      daysWaiting: Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY)),
      dueOn,
      overdue: !!dueOn && dueOn < today,
      meeting: submission.status === S.SCHEDULED && item ? (item.meeting.getEntity() ?? null) : null,
    };
  });
  const section = (status: SubmissionStatus, order = oldestFirst): QueueSection =>
    sectionOf(facts.coordinates ? entries.filter((e) => e.submission.status === status).sort(order) : []);
  return {
    coordinates: facts.coordinates,
    awaitingRegistration: section(S.SUBMITTED),
    returned: section(S.RETURNED),
    referred: section(S.REFERRED, dueFirst),
    registered: section(S.REGISTERED),
    scheduled: section(S.SCHEDULED, meetingFirst),
    answered: section(S.ANSWERED),
    referredToViewer: sectionOf(
      entries
        .filter(
          (e) =>
            e.submission.status === S.REFERRED &&
            !!e.submission.referredTo &&
            facts.handles.has(e.submission.referredTo.id),
        )
        .sort(dueFirst),
    ),
  };
}

/** Cursor of the queue's topic: the list was already refused to whoever may not read it. */
export function submissionQueueCursor(ctx: Pick<GraphQLContext, 'em' | 'liveSnapshot'>): Promise<string> {
  return liveCursor(ctx, SUBMISSIONS_TOPIC);
}

/** Cursor of the party's list's topic: the list was already refused to whoever may not read it. */
export function partySubmissionsCursor(
  ctx: Pick<GraphQLContext, 'em' | 'liveSnapshot'>,
  list: PartySubmissions,
): Promise<string> {
  return liveCursor(ctx, partySubmissionsTopic(list.partyId));
}
