import type { EntityManager } from '@mikro-orm/postgresql';
import { MembershipRole, MembershipStatus } from '@samverka/domain';
import { mailSideEffect } from '../mail/mail-side-effect.js';
import { partyNoticeMail, type PartyNotice } from '../mail/templates.js';
import type { Outbox } from '../outbox/outbox.js';
import { Membership } from '../parties/membership.entity.js';

export const partyNoticeMailKind = mailSideEffect<{
  to: string;
  notice: PartyNotice;
  partyName: string;
  detail: string | null;
}>('accession.party-notice-mail', ({ to, notice, partyName, detail }, mailer) =>
  partyNoticeMail(to, notice, partyName, mailer.link('/min-forening', {}), detail),
);

/** The side effects of the accession feature, carried out by the outbox. */
export const accessionSideEffects = [partyNoticeMailKind];

/**
 * Tells a party's active contacts by mail what was decided about it. Recorded in the decision's transaction
 * (tx), so a rolled-back decision mails nobody, and sent after it commits, retried until the mail server
 * takes it.
 */
export async function notifyPartyContacts(
  tx: EntityManager,
  outbox: Outbox | undefined,
  partyId: string,
  notice: PartyNotice,
  detail: string | null = null,
): Promise<void> {
  if (!outbox) return;
  const contacts = await tx.find(
    Membership,
    { party: partyId, role: MembershipRole.CONTACT, status: MembershipStatus.ACTIVE },
    { populate: ['person', 'party'] },
  );
  for (const contact of contacts) {
    await outbox.record(tx, partyNoticeMailKind, {
      to: contact.person.getEntity().email,
      notice,
      partyName: contact.party.getEntity().name,
      detail,
    });
  }
}
