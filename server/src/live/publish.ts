import type { EntityManager } from '@mikro-orm/postgresql';

export const LIVE_CHANNEL = 'samverka_live';

/** What a NOTIFY carries: ids and the sequence, never whole objects (PostgreSQL caps payloads at 8000 bytes). */
export interface LiveEventMessage {
  sequence: string;
  topic: string;
  kind: string;
  subjectId: string | null;
  occurredAt: string;
}

export interface LiveEventInput {
  topic: string;
  kind: string;
  subjectId?: string | null;
}

const PUBLISH_SQL = `with e as (
  insert into live_event (topic, kind, subject_id) values (?, ?, ?)
  returning sequence, topic, kind, subject_id, occurred_at
)
select e.sequence, pg_notify('${LIVE_CHANNEL}', json_build_object(
  'sequence', e.sequence::text, 'topic', e.topic, 'kind', e.kind,
  'subjectId', e.subject_id, 'occurredAt', e.occurred_at
)::text) from e`;

/**
 * Records the event and notifies every instance, inside the caller's transaction: PostgreSQL delivers a
 * NOTIFY only on commit, so a rolled-back change is never broadcast. One statement.
 */
export async function publishLiveEvent(em: EntityManager, event: LiveEventInput): Promise<string> {
  const ctx = em.getTransactionContext();
  if (!ctx) throw new Error('live events are published inside the writing transaction');
  // Writers of one topic take turns until commit, so a topic's sequence order is its commit order and a
  // subscriber resuming after a cursor can never miss an event that committed late with a lower sequence.
  await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [event.topic], 'run', ctx);
  const row = await em
    .getConnection()
    .execute<{ sequence: string }>(
      PUBLISH_SQL,
      [event.topic, event.kind, event.subjectId ?? null],
      'get',
      ctx,
    );
  return String(row.sequence);
}

export const meetingTopic = (meetingId: string) => `meeting:${meetingId}`;
export const sessionTopic = (sessionId: string) => `session:${sessionId}`;
export const partyTopic = (partyId: string) => `party:${partyId}`;
/** Accession requests, nominations, exclusion cases and networks waiting for the coordinator. */
export const COORDINATOR_QUEUE_TOPIC = 'coordinator-queue';
/** One matter: its page. */
export const submissionTopic = (submissionId: string) => `submission:${submissionId}`;
/** Every matter that is or was submitted: the public list, a party's list, the coordinator's submission queue. */
export const SUBMISSIONS_TOPIC = 'submissions';
/** The matters of one party: its own list, for its people. */
export const partySubmissionsTopic = (partyId: string) => `party-submissions:${partyId}`;
/** One invitation's page: its status, occasions' seats, answers. */
export const invitationTopic = (invitationId: string) => `invitation:${invitationId}`;
/** Every published invitation's changes: the public list, the feeds, the indicators. */
export const INVITATIONS_TOPIC = 'invitations';
/** One party's invitations, drafts included: its own list. */
export const partyInvitationsTopic = (partyId: string) => `party-invitations:${partyId}`;
/** One person's notifications and unread count. */
export const personTopic = (personId: string) => `person:${personId}`;
