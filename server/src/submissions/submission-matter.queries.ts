import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MembershipStatus, SubmissionStatus } from '@samverka/domain';
import type { GraphQLContext, Viewer } from '../graphql/context.js';
import { liveCursor } from '../live/live-cursor.js';
import { submissionTopic } from '../live/publish.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import type { Meeting } from '../meetings/meeting.entity.js';
import { meetingPolicy } from '../meetings/meeting.policy.js';
import { accessFactsOf } from '../meetings/meeting.queries.js';
import { SubmissionEvent } from './submission-event.entity.js';
import { SubmissionFollow } from './submission-follow.entity.js';
import { SubmissionMessage, SubmissionMessageVisibility } from './submission-message.entity.js';
import { submissionPolicy, viewerSubmissionFacts } from './submission-access.js';
import { submissionMatterPolicy } from './submission-matter.policy.js';
import type { Submission } from './submission.entity.js';
import type { SubmissionMessageEntry, SubmissionTimelineEntry } from './submission-matter.types.js';

/** Per unit of work: what the matter's page needs of many matters, each kind in one statement. */
interface MatterLoaders {
  events: DataLoader<string, SubmissionEvent[]>;
  messages: DataLoader<string, SubmissionMessage[]>;
  /** By agenda item id: the item with its meeting. */
  agendaItems: DataLoader<string, AgendaItem | null>;
  followerCounts: DataLoader<string, number>;
  /** The viewer's own follow rows, by matter. */
  follows: DataLoader<string, SubmissionFollow | null>;
}

const loadersByUnitOfWork = new WeakMap<EntityManager, Map<string, MatterLoaders>>();

function matterLoaders(em: EntityManager, viewer: Viewer | null): MatterLoaders {
  let byViewer = loadersByUnitOfWork.get(em);
  if (!byViewer) loadersByUnitOfWork.set(em, (byViewer = new Map()));
  const key = viewer?.id ?? '';
  let loaders = byViewer.get(key);
  if (!loaders) {
    loaders = {
      events: new DataLoader(async (ids) => {
        const rows = await em.find(
          SubmissionEvent,
          { submission: { $in: [...ids] } },
          { orderBy: { occurredAt: 'asc', id: 'asc' }, populate: ['actor', 'party', 'agendaItem.meeting'] },
        );
        return ids.map((id) => rows.filter((row) => row.submission.id === id));
      }),
      messages: new DataLoader(async (ids) => {
        const rows = await em.find(
          SubmissionMessage,
          { submission: { $in: [...ids] } },
          { orderBy: { postedAt: 'asc', id: 'asc' }, populate: ['author'] },
        );
        return ids.map((id) => rows.filter((row) => row.submission.id === id));
      }),
      agendaItems: new DataLoader(async (ids) => {
        const rows = await em.find(AgendaItem, { id: { $in: [...ids] } }, { populate: ['meeting'] });
        return ids.map((id) => rows.find((row) => row.id === id) ?? null);
      }),
      followerCounts: new DataLoader(async (ids) => {
        const rows = await em.getConnection().execute<{ id: string; n: number }[]>(
          `select s.id, (
             select count(*)::int from (
               select f.person_id from submission_follow f where f.submission_id = s.id and f.following
               union
               select m.person_id from membership m
                where m.party_id = s.party_id and m.status = ?
                  and not exists (select 1 from submission_follow o
                                   where o.submission_id = s.id and o.person_id = m.person_id and not o.following)
             ) followers) as n
           from submission s where s.id in (${ids.map(() => '?').join(', ')})`,
          [MembershipStatus.ACTIVE, ...ids],
        );
        return ids.map((id) => rows.find((row) => row.id === id)?.n ?? 0);
      }),
      follows: new DataLoader(async (ids) => {
        const rows = viewer
          ? await em.find(SubmissionFollow, { person: viewer.id, submission: { $in: [...ids] } })
          : [];
        return ids.map((id) => rows.find((row) => row.submission.id === id) ?? null);
      }),
    };
    byViewer.set(key, loaders);
  }
  return loaders;
}

/** The meeting of an agenda item when the viewer may see it (a draft meeting only those who run it). */
function visibleMeeting(viewer: Viewer | null, item: AgendaItem | null | undefined): Meeting | null {
  const meeting = item?.meeting.getEntity();
  return meeting && meetingPolicy.see(viewer, accessFactsOf(meeting)) ? meeting : null;
}

/**
 * A matter's timeline, oldest first. Of a restricted matter an outsider reads the steps and statuses, not who
 * took them, for whom, or what was written: those could name the people the restriction protects.
 */
export async function submissionTimeline(
  em: EntityManager,
  viewer: Viewer | null,
  submission: Submission,
): Promise<SubmissionTimelineEntry[]> {
  const [facts, events] = await Promise.all([
    viewerSubmissionFacts(em, viewer),
    matterLoaders(em, viewer).events.load(submission.id),
  ]);
  const content = submissionPolicy.seeContent(facts, submission);
  return events.map((event) => ({
    id: event.id,
    action: event.action ?? null,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    occurredAt: event.occurredAt,
    actorName: content ? (event.actor?.getEntity().name ?? null) : null,
    party: content ? (event.party?.getEntity() ?? null) : null,
    text: content ? (event.text ?? null) : null,
    meeting: visibleMeeting(viewer, event.agendaItem?.getEntity()),
  }));
}

async function messagesOf(
  em: EntityManager,
  viewer: Viewer | null,
  submission: Submission,
  visibility: SubmissionMessageVisibility,
) {
  const messages = await matterLoaders(em, viewer).messages.load(submission.id);
  return messages
    .filter((message) => message.visibility === visibility)
    .map((message): SubmissionMessageEntry => ({
      id: message.id,
      body: message.body,
      authorName: message.author?.getEntity().name ?? null,
      postedAt: message.postedAt,
    }));
}

/** The conversation, oldest first; null when the viewer is not part of it. */
export async function submissionConversation(
  em: EntityManager,
  viewer: Viewer | null,
  submission: Submission,
) {
  if (!submissionPolicy.converse(await viewerSubmissionFacts(em, viewer), submission)) return null;
  return messagesOf(em, viewer, submission, SubmissionMessageVisibility.CONVERSATION);
}

/** The internal notes, oldest first; null unless the viewer is the coordinator or on the council. */
export async function submissionInternalNotes(
  em: EntityManager,
  viewer: Viewer | null,
  submission: Submission,
) {
  if (!submissionPolicy.seeInternalNotes(await viewerSubmissionFacts(em, viewer), submission)) return null;
  return messagesOf(em, viewer, submission, SubmissionMessageVisibility.INTERNAL_NOTE);
}

/** Whether the viewer may comment publicly on the matter now (the coordinator or the handler, not on a draft). */
export async function viewerMayComment(em: EntityManager, viewer: Viewer | null, submission: Submission) {
  const facts = await viewerSubmissionFacts(em, viewer);
  return submission.status !== SubmissionStatus.DRAFT && submissionMatterPolicy.comment(facts, submission);
}

/** Following: an explicit row says so; without one, the submitting party's people follow their own. */
export async function viewerFollowsSubmission(
  em: EntityManager,
  viewer: Viewer | null,
  submission: Submission,
) {
  if (!viewer) return false;
  const [facts, row] = await Promise.all([
    viewerSubmissionFacts(em, viewer),
    matterLoaders(em, viewer).follows.load(submission.id),
  ]);
  return row ? row.following : facts.parties.has(submission.party.id);
}

export function submissionFollowerCount(em: EntityManager, viewer: Viewer | null, submission: Submission) {
  return matterLoaders(em, viewer).followerCounts.load(submission.id);
}

/** The ids of everyone following the matter: those who chose to, and the submitting party's people who did not stop. */
export async function submissionFollowerIds(em: EntityManager, submissionId: string): Promise<string[]> {
  const rows = await em.getConnection().execute<{ person_id: string }[]>(
    `select f.person_id from submission_follow f where f.submission_id = ? and f.following
     union
     select m.person_id from membership m join submission s on s.party_id = m.party_id
      where s.id = ? and m.status = ?
        and not exists (select 1 from submission_follow o
                         where o.submission_id = s.id and o.person_id = m.person_id and not o.following)`,
    [submissionId, submissionId, MembershipStatus.ACTIVE],
  );
  return rows.map((row) => row.person_id);
}

/** The agenda item the matter is scheduled on, with its meeting; null when not scheduled. */
async function scheduledItem(em: EntityManager, viewer: Viewer | null, submission: Submission) {
  return submission.agendaItem ? matterLoaders(em, viewer).agendaItems.load(submission.agendaItem.id) : null;
}

/**
 * The agenda item the matter is on (scheduled, or answered by its decision) with its meeting, when the viewer
 * may see that meeting; batched, so a list of matters costs one statement for all their items.
 */
export async function submissionScheduledOn(
  em: EntityManager,
  viewer: Viewer | null,
  submission: Submission,
): Promise<{ meeting: Meeting; item: AgendaItem } | null> {
  const item = await scheduledItem(em, viewer, submission);
  const meeting = visibleMeeting(viewer, item);
  return item && meeting ? { meeting, item } : null;
}

/** Cursor of the matter's latest live event, in the request's snapshot. */
export function submissionLiveCursor(
  ctx: Pick<GraphQLContext, 'em' | 'liveSnapshot'>,
  submission: Submission,
) {
  return liveCursor(ctx, submissionTopic(submission.id));
}
