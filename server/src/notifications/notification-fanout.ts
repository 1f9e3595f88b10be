import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Language,
  NotificationDelivery,
  NotificationKind,
  SubmissionAction,
  SubmissionPublication,
} from '@samverka/domain';
import { toGlobalId } from '../graphql/node.js';
import { LIVE_CHANNEL, personTopic } from '../live/publish.js';
import type { Outbox } from '../outbox/outbox.js';
import {
  COUNCIL_FORUM_SLUG,
  submissionPolicy,
  type ViewerSubmissionFacts,
} from '../submissions/submission-access.js';
import type { SubmissionStep } from '../submissions/submission-steps.js';
import { Submission } from '../submissions/submission.entity.js';
import { SubmissionMessageVisibility } from '../submissions/submission-message.entity.js';
import { notificationMailKind } from './notification-mails.js';
import { matterLabel, type NotificationParams } from './notification-texts.js';

/** The kind of the live event on a person's topic when their notifications changed. */
export const NOTIFICATIONS_CHANGED = 'NOTIFICATIONS_CHANGED';

/** Who a notification goes to, with what its mail needs. */
export interface Recipient {
  id: string;
  email: string;
  language: Language;
  delivery: NotificationDelivery;
}

/**
 * Those who follow a matter: the submitting party's active members unless they stopped following it, and
 * everyone else who chose to follow it; a person once. One statement, with each one's choice for `kind`.
 */
const FOLLOWERS_SQL = `select p.id, p.email, p.language, coalesce(np.delivery, 'IMMEDIATE') as delivery
from person p
left join notification_preference np on np.person_id = p.id and np.kind = ?
where p.id in (
  select m.person_id from membership m
  where m.party_id = ? and m.status = 'ACTIVE'
    and not exists (
      select 1 from submission_follow f
      where f.person_id = m.person_id and f.submission_id = ? and not f.following
    )
  union
  select f.person_id from submission_follow f where f.submission_id = ? and f.following
)`;

/**
 * Those in a matter's conversation: the submitting party's active members who did not stop following it, the
 * coordinators (and Samverkansrådet's conveners) and the referred department's C-nätet representative.
 */
const CONVERSATION_SQL = `select p.id, p.email, p.language, coalesce(np.delivery, 'IMMEDIATE') as delivery
from person p
left join notification_preference np on np.person_id = p.id and np.kind = ?
where p.id in (
  select m.person_id from membership m
  where m.party_id = ? and m.status = 'ACTIVE'
    and not exists (
      select 1 from submission_follow f
      where f.person_id = m.person_id and f.submission_id = ? and not f.following
    )
  union
  select c.id from person c where c.is_coordinator
  union
  select fc.person_id from forum_convener fc join forum f on f.id = fc.forum_id where f.slug = ?
  union
  select r.person_id from cnatet_representative r where r.department_id = ?
)`;

/** What the submission policy needs of many people at once to decide who may read a restricted matter. */
const READER_FACTS_SQL = `select p.id,
  p.is_coordinator or exists (
    select 1 from forum_convener fc join forum f on f.id = fc.forum_id where fc.person_id = p.id and f.slug = ?
  ) as coordinates,
  exists (
    select 1 from council_seat s join forum f on f.id = s.forum_id
    where s.person_id = p.id and s.ended_at is null and f.slug = ?
  ) as council_member,
  array(select m.party_id::text from membership m where m.person_id = p.id and m.status = 'ACTIVE') as parties,
  array(select r.department_id::text from cnatet_representative r where r.person_id = p.id) as handles
from person p
where p.id in (select value::uuid from json_array_elements_text(?::json))`;

/** Every notification of one step in one statement; those mailed at once carry their mailedAt. */
const INSERT_SQL = `insert into notification (id, person_id, kind, submission_id, params, created_at, mailed_at)
select gen_random_uuid(), r.person_id, ?::notification_kind, ?, ?::jsonb, now(), r.mailed_at
from json_to_recordset(?::json) as r(person_id uuid, mailed_at timestamptz)`;

/**
 * A live event for each recipient on their own topic, in two statements whatever their number: the topics'
 * locks taken in one order (as publishLiveEvent takes one, so a topic's sequence stays its commit order), then
 * the events recorded and NOTIFY'd, each payload ids only.
 */
const LOCK_TOPICS_SQL = `select pg_advisory_xact_lock(hashtext(t)) from (
  select value as t from json_array_elements_text(?::json) order by value
) topics`;
const PUBLISH_MANY_SQL = `with e as (
  insert into live_event (topic, kind, subject_id)
  select value, ?, null from json_array_elements_text(?::json)
  returning sequence, topic, kind, subject_id, occurred_at
)
select pg_notify('${LIVE_CHANNEL}', json_build_object(
  'sequence', e.sequence::text, 'topic', e.topic, 'kind', e.kind,
  'subjectId', e.subject_id, 'occurredAt', e.occurred_at
)::text) from e`;

/** Runs a statement in the step's transaction; notifications are never recorded outside it. */
export function execute<T>(tx: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const ctx = tx.getTransactionContext();
  if (!ctx) throw new Error('notifications are recorded inside the transaction of their step');
  return tx.getConnection().execute<T[]>(sql, params, 'all', ctx);
}

/** The kind a step is told as; null for steps no one else needs to hear of. */
export function notificationKindOf(action: SubmissionAction | null): NotificationKind | null {
  if (action === null) return NotificationKind.SUBMISSION_MESSAGE;
  switch (action) {
    // Editing a draft changes nothing others follow; a new submission reaches the coordinator through
    // their queue, and the party knows it sent it.
    case SubmissionAction.EDIT:
    case SubmissionAction.SUBMIT:
      return null;
    case SubmissionAction.ANSWER_IN_WRITING:
    case SubmissionAction.RECORD_MEETING_ANSWER:
      return NotificationKind.SUBMISSION_ANSWERED;
    default:
      return NotificationKind.SUBMISSION_STEP;
  }
}

/** Keeps those who may read the matter's content (all of them when it is public), in one statement. */
export async function mayRead<R extends { id: string }>(
  tx: EntityManager,
  submission: Submission,
  recipients: R[],
): Promise<R[]> {
  if (submission.publication === SubmissionPublication.PUBLIC || recipients.length === 0) return recipients;
  const rows = await execute<{
    id: string;
    coordinates: boolean;
    council_member: boolean;
    parties: string[];
    handles: string[];
  }>(tx, READER_FACTS_SQL, [
    COUNCIL_FORUM_SLUG,
    COUNCIL_FORUM_SLUG,
    JSON.stringify(recipients.map((r) => r.id)),
  ]);
  const readers = new Set(
    rows
      .filter((row) => {
        const facts: ViewerSubmissionFacts = {
          viewer: null,
          // Whether each party has joined matters for drafting and co-signing, not for reading.
          parties: new Map(row.parties.map((id) => [id, { joined: false }])),
          handles: new Set(row.handles),
          coordinates: row.coordinates,
          councilMember: row.council_member,
        };
        return submissionPolicy.seeContent(facts, submission);
      })
      .map((row) => row.id),
  );
  return recipients.filter((recipient) => readers.has(recipient.id));
}

/** Tells each recipient's open pages that their notifications changed: two statements whatever their number. */
export async function publishNotificationsChanged(tx: EntityManager, recipients: { id: string }[]) {
  const topics = JSON.stringify(recipients.map((r) => personTopic(r.id)));
  await execute(tx, LOCK_TOPICS_SQL, [topics]);
  await execute(tx, PUBLISH_MANY_SQL, [NOTIFICATIONS_CHANGED, topics]);
}

/**
 * Records one notification per recipient (one statement), a live event on each one's topic, and a mail job
 * for each who wants mail at once: all in the step's transaction, so a rolled-back step tells no one and a
 * committed one is mailed even if the process dies right after.
 */
async function notify(
  tx: EntityManager,
  outbox: Outbox | undefined,
  submission: Submission,
  kind: NotificationKind,
  params: NotificationParams,
  text: string | null,
  candidates: Recipient[],
  actorId: string | null,
): Promise<void> {
  const recipients = await mayRead(
    tx,
    submission,
    candidates.filter((candidate) => candidate.id !== actorId),
  );
  if (recipients.length === 0) return;
  // Without an outbox (the demo seed) the notifications are in-app only: there is no one to mail a demo to.
  const mailedNow = new Set(
    outbox ? recipients.filter((r) => r.delivery === NotificationDelivery.IMMEDIATE).map((r) => r.id) : [],
  );
  const now = new Date().toISOString();
  await execute(tx, INSERT_SQL, [
    kind,
    submission.id,
    JSON.stringify(params),
    JSON.stringify(
      recipients.map((r) => ({
        person_id: r.id,
        mailed_at: mailedNow.has(r.id) ? now : null,
      })),
    ),
  ]);
  await publishNotificationsChanged(tx, recipients);
  const matter = {
    globalId: toGlobalId('Submission', submission.id),
    label: matterLabel(submission.registrationNumber, submission.title),
  };
  // One job per recipient: each is retried on its own, so one refused address sends no one a second copy.
  for (const recipient of recipients.filter((r) => mailedNow.has(r.id))) {
    await outbox?.record(tx, notificationMailKind, {
      to: recipient.email,
      language: recipient.language,
      kind,
      params,
      matter,
      text,
    });
  }
}

/**
 * Tells those who follow a matter of a step in it, in the step's transaction (recordSubmissionStep calls
 * it): status changes, co-signatures and publication decisions as SUBMISSION_STEP, answers as
 * SUBMISSION_ANSWERED, public comments as SUBMISSION_MESSAGE. Never the one who took the step. Without an
 * outbox (the demo seed) nothing is mailed.
 */
export async function notifySubmissionStep(
  tx: EntityManager,
  outbox: Outbox | undefined,
  step: SubmissionStep,
): Promise<void> {
  const kind = notificationKindOf(step.action);
  if (!kind) return;
  const { submission } = step;
  const params: NotificationParams = step.action
    ? { action: step.action, status: submission.status }
    : { source: 'COMMENT' };
  const candidates = await execute<Recipient>(tx, FOLLOWERS_SQL, [
    kind,
    submission.party.id,
    submission.id,
    submission.id,
  ]);
  await notify(tx, outbox, submission, kind, params, step.text ?? null, candidates, step.actorId);
}

/**
 * Tells the conversation's other side of a new message (SUBMISSION_MESSAGE): the submitting party's people,
 * the coordinators and the handler, never the author. Internal notes tell no one.
 */
export async function notifySubmissionMessage(
  tx: EntityManager,
  outbox: Outbox | undefined,
  message: { submissionId: string; authorId: string; visibility: SubmissionMessageVisibility },
): Promise<void> {
  if (message.visibility !== SubmissionMessageVisibility.CONVERSATION) return;
  const submission = await tx.findOneOrFail(Submission, message.submissionId);
  const kind = NotificationKind.SUBMISSION_MESSAGE;
  const candidates = await execute<Recipient>(tx, CONVERSATION_SQL, [
    kind,
    submission.party.id,
    submission.id,
    COUNCIL_FORUM_SLUG,
    submission.referredTo?.id ?? null,
  ]);
  // The message itself stays on the matter's page: the conversation is not copied into mailboxes.
  await notify(tx, outbox, submission, kind, { source: 'CONVERSATION' }, null, candidates, message.authorId);
}
