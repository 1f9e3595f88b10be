import type { EntityManager } from '@mikro-orm/postgresql';
import { NotificationDelivery, type Language, type NotificationKind } from '@samverka/domain';
import { toGlobalId } from '../graphql/node.js';
import type { Outbox, SideEffectKind } from '../outbox/outbox.js';
import { Person } from '../accounts/person.entity.js';
import { Submission } from '../submissions/submission.entity.js';
import { Invitation } from '../invitations/invitation.entity.js';
import { mayRead } from './notification-fanout.js';
import { digestMailKind, type DigestMailData } from './notification-mails.js';
import { matterLabel, type NotificationParams } from './notification-texts.js';

export type DigestCadence = NotificationDelivery.DAILY | NotificationDelivery.WEEKLY;

/**
 * How far back a digest looks: twice its period, so a digest missed while the service was down is caught up
 * by the next, while a notification from a time the person wanted no mail (NONE) does not come back months
 * later when they choose a digest.
 */
const LOOKBACK_DAYS: Record<DigestCadence, number> = {
  [NotificationDelivery.DAILY]: 2,
  [NotificationDelivery.WEEKLY]: 14,
};

/** When the digests go out: every morning at seven, and Monday mornings, Swedish time. */
export const DIGEST_SCHEDULES: Record<DigestCadence, { cron: string; tz: string }> = {
  [NotificationDelivery.DAILY]: { cron: '0 7 * * *', tz: 'Europe/Stockholm' },
  [NotificationDelivery.WEEKLY]: { cron: '0 7 * * 1', tz: 'Europe/Stockholm' },
};

const NEWS_SQL = `select distinct n.person_id from notification n
join notification_preference np on np.person_id = n.person_id and np.kind = n.kind and np.delivery = ?
where n.mailed_at is null and n.created_at <= ? and n.created_at > ?`;

/** Claims one person's news for the digest: marked mailed in the transaction that records its mail. */
const CLAIM_SQL = `update notification n set mailed_at = ?
from notification_preference np
where np.person_id = n.person_id and np.kind = n.kind and np.delivery = ?
  and n.person_id = ? and n.mailed_at is null and n.created_at <= ? and n.created_at > ?
returning n.kind, n.params, n.submission_id, n.invitation_id, n.created_at`;

interface ClaimedRow {
  kind: NotificationKind;
  params: NotificationParams;
  submission_id: string | null;
  invitation_id: string | null;
  created_at: Date;
}

/**
 * Records the digest mail of everyone with news of kinds they chose to get in this digest, one mail per person
 * grouped by matter, and marks that news mailed in the same transaction: a digest run twice (a retry, a second
 * instance) finds nothing left to send, and one that dies before commit leaves the news for the next run.
 * Returns the number of people mailed.
 */
export async function recordDigests(
  em: EntityManager,
  outbox: Outbox,
  cadence: DigestCadence,
  now: Date,
): Promise<number> {
  const since = new Date(now.getTime() - LOOKBACK_DAYS[cadence] * 24 * 3600 * 1000);
  const people = await em.getConnection().execute<{ person_id: string }[]>(NEWS_SQL, [cadence, now, since]);
  let mailed = 0;
  for (const { person_id: personId } of people) {
    const sent = await em.fork().transactional(async (tx) => {
      const rows = await tx
        .getConnection()
        .execute<ClaimedRow[]>(
          CLAIM_SQL,
          [now, cadence, personId, now, since],
          'all',
          tx.getTransactionContext(),
        );
      if (rows.length === 0) return false;
      const person = await tx.findOneOrFail(Person, personId);
      const matters = await digestMatters(tx, person, rows);
      if (matters.length === 0) return false;
      const data: DigestMailData = {
        to: person.email,
        language: person.language as Language,
        cadence,
        matters,
      };
      await outbox.record(tx, digestMailKind, data);
      return true;
    });
    if (sent) mailed += 1;
  }
  return mailed;
}

/**
 * The claimed news grouped by matter and by invitation, oldest first, each matter named as the person may read
 * it now; invitations are public once published, and only published ones are told of.
 */
async function digestMatters(
  tx: EntityManager,
  person: Person,
  rows: ClaimedRow[],
): Promise<DigestMailData['matters']> {
  const ordered = [...rows].sort(
    (a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime(),
  );
  const ids = [...new Set(ordered.flatMap((row) => (row.submission_id ? [row.submission_id] : [])))];
  const submissions = await tx.find(Submission, { id: { $in: ids } });
  const matters: DigestMailData['matters'] = [];
  for (const id of ids) {
    const submission = submissions.find((s) => s.id === id);
    // A matter restricted since the news was recorded is left out rather than named.
    if (!submission || (await mayRead(tx, submission, [{ id: person.id }])).length === 0) continue;
    matters.push({
      globalId: toGlobalId('Submission', id),
      label: matterLabel(submission.registrationNumber, submission.title),
      steps: ordered
        .filter((row) => row.submission_id === id)
        .map((row) => ({ kind: row.kind, params: row.params })),
    });
  }
  const invitationIds = [
    ...new Set(ordered.flatMap((row) => (row.invitation_id ? [row.invitation_id] : []))),
  ];
  const invitations = invitationIds.length ? await tx.find(Invitation, { id: { $in: invitationIds } }) : [];
  for (const id of invitationIds) {
    const invitation = invitations.find((i) => i.id === id);
    if (!invitation) continue;
    matters.push({
      globalId: toGlobalId('Invitation', invitation.id),
      label: matterLabel(invitation.registrationNumber, invitation.title),
      steps: ordered
        .filter((row) => row.invitation_id === invitation.id)
        .map((row) => ({ kind: row.kind, params: row.params })),
    });
  }
  return matters;
}

/** The scheduled digest of one cadence, carried out by the outbox's workers. */
function digestKind(cadence: DigestCadence): SideEffectKind<object> {
  return {
    name: `notifications.${cadence.toLowerCase()}-digest`,
    schedule: DIGEST_SCHEDULES[cadence],
    async run(_data, { orm, outbox }) {
      await recordDigests(orm.em.fork(), outbox, cadence, new Date());
    },
  };
}

export const dailyDigestKind = digestKind(NotificationDelivery.DAILY);
export const weeklyDigestKind = digestKind(NotificationDelivery.WEEKLY);
