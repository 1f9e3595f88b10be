import type { EntityManager } from '@mikro-orm/postgresql';
import { NotificationDelivery, NotificationKind } from '@samverka/domain';
import { toGlobalId } from '../graphql/node.js';
import type { Outbox } from '../outbox/outbox.js';
import type { InvitationStep } from '../invitations/invitation-steps.js';
import { execute, publishNotificationsChanged, type Recipient } from './notification-fanout.js';
import { notificationMailKind } from './notification-mails.js';
import { matterLabel, type NotificationParams } from './notification-texts.js';

/** The active members of the parties `partiesSql` selects, each once, with their choice for the kind. */
const peopleOf = (partiesSql: string) => `select p.id, p.email, p.language,
  coalesce(np.delivery, 'IMMEDIATE') as delivery
from person p
left join notification_preference np on np.person_id = p.id and np.kind = ?
where p.id in (
  select m.person_id from membership m where m.status = 'ACTIVE' and m.party_id in (${partiesSql})
)`;

/**
 * The audience of a published invitation: joined parties (their latest accession approved) that it is for,
 * as isInvited decides in the domain, never the inviting party; nor anyone who is a member of the inviting
 * party, who knows of it already. Parameters: kind, inviter, audience, kinds (json), areas (json), invitation,
 * inviter.
 */
const AUDIENCE_SQL = `${peopleOf(`select pa.id from party pa
  where pa.id <> ?
    and (select a.status from accession a where a.party_id = pa.id order by a.requested_at desc limit 1)
      = 'APPROVED'
    and case ?::text
      when 'ALL_PARTIES' then true
      when 'PARTY_KINDS' then pa.kind::text in (select value from json_array_elements_text(?::json))
      when 'AREAS_OF_INTEREST' then
        pa.areas_of_interest && array(select value from json_array_elements_text(?::json))
      when 'NAMED_PARTIES' then
        pa.id in (select ii.party_id from invitation_invitee ii where ii.invitation_id = ?)
      else false
    end`)}
and p.id not in (select m.person_id from membership m where m.party_id = ? and m.status = 'ACTIVE')`;

/** Parties with a participant still registered or waiting. Parameter: invitation. */
const REGISTERED_PARTIES = `select op.party_id from occasion_participant op
  join invitation_occasion o on o.id = op.occasion_id
  where o.invitation_id = ? and op.status <> 'CANCELLED'`;

/** Parties that responded to a consultation. Parameter: invitation. */
const RESPONDING_PARTIES = `select cr.party_id from consultation_response cr where cr.invitation_id = ?`;

/** Everyone who took part: registered, gave written input, or responded. Parameters: invitation ×3. */
const TOOK_PART_SQL = peopleOf(`${REGISTERED_PARTIES}
  union select r.party_id from invitation_reply r where r.invitation_id = ? and r.kind = 'INPUT'
  union ${RESPONDING_PARTIES}`);

/** The parties of the participants moved up from the waiting list. Parameter: their ids (json). */
const SEATED_SQL = peopleOf(`select op.party_id from occasion_participant op
  where op.id in (select value::uuid from json_array_elements_text(?::json))`);

/** Every notification of one step in one statement; those mailed at once carry their mailedAt. */
const INSERT_SQL = `insert into notification (id, person_id, kind, invitation_id, params, created_at, mailed_at)
select gen_random_uuid(), r.person_id, ?::notification_kind, ?, ?::jsonb, now(), r.mailed_at
from json_to_recordset(?::json) as r(person_id uuid, mailed_at timestamptz)`;

/** Those the step's notification goes to, in one statement; the step's actor is left out afterwards. */
async function recipientsOf(
  tx: EntityManager,
  kind: NotificationKind,
  step: InvitationStep,
): Promise<Recipient[]> {
  const { invitation } = step;
  switch (kind) {
    case NotificationKind.INVITATION_NEW:
      return execute<Recipient>(tx, AUDIENCE_SQL, [
        kind,
        invitation.party.id,
        invitation.audience,
        JSON.stringify(invitation.partyKinds),
        JSON.stringify(invitation.areas),
        invitation.id,
        invitation.party.id,
      ]);
    case NotificationKind.INVITATION_FEEDBACK:
      return execute<Recipient>(tx, TOOK_PART_SQL, [kind, invitation.id, invitation.id, invitation.id]);
    case NotificationKind.INVITATION_CANCELLED:
      return execute<Recipient>(tx, peopleOf(REGISTERED_PARTIES), [kind, invitation.id]);
    case NotificationKind.INVITATION_SEAT_OFFERED:
      return step.seatedParticipantIds?.length
        ? execute<Recipient>(tx, SEATED_SQL, [kind, JSON.stringify(step.seatedParticipantIds)])
        : [];
    case NotificationKind.CONSULTATION_COMPILED:
      return execute<Recipient>(tx, peopleOf(RESPONDING_PARTIES), [kind, invitation.id]);
    default:
      return [];
  }
}

/**
 * Tells those an invitation's step concerns, in the step's transaction: a published invitation its audience's
 * members; feedback, a cancellation, a published compilation those who took part; a seat those moved up.
 * One statement finds them, one records every notification, two publish a live event on each one's topic,
 * and those who want mail at once get a job each in the outbox, so a rolled-back step tells no one. Never the
 * one who took the step. Without an outbox (the demo seed) nothing is mailed.
 */
export async function notifyInvitationStep(
  tx: EntityManager,
  outbox: Outbox | undefined,
  step: InvitationStep,
): Promise<void> {
  const kind = step.notify;
  if (!kind) return;
  const { invitation } = step;
  const recipients = (await recipientsOf(tx, kind, step)).filter((r) => r.id !== step.actorId);
  if (recipients.length === 0) return;
  const params: NotificationParams = { action: step.action, invitationKind: invitation.kind };
  const mailedNow = new Set(
    outbox ? recipients.filter((r) => r.delivery === NotificationDelivery.IMMEDIATE).map((r) => r.id) : [],
  );
  const now = new Date().toISOString();
  await execute(tx, INSERT_SQL, [
    kind,
    invitation.id,
    JSON.stringify(params),
    JSON.stringify(recipients.map((r) => ({ person_id: r.id, mailed_at: mailedNow.has(r.id) ? now : null }))),
  ]);
  await publishNotificationsChanged(tx, recipients);
  const subject = {
    globalId: toGlobalId('Invitation', invitation.id),
    label: matterLabel(invitation.registrationNumber, invitation.title),
  };
  // One job per recipient: each is retried on its own, so one refused address sends no one a second copy.
  for (const recipient of recipients.filter((r) => mailedNow.has(r.id))) {
    await outbox?.record(tx, notificationMailKind, {
      to: recipient.email,
      language: recipient.language,
      kind,
      params,
      matter: subject,
      text: step.text ?? null,
    });
  }
}
