import type { EntityManager } from '@mikro-orm/postgresql';
import { MembershipRole, MembershipStatus } from '@samverka/domain';
import type { Mailer } from '../mail/mailer.js';
import { partyNoticeMail, type PartyNotice } from '../mail/templates.js';
import { Membership } from '../parties/membership.entity.js';

/**
 * Tells a party's active contacts by mail what was decided about it. Called after the decision committed, so
 * a rolled-back decision mails nobody; a mail that fails is logged and does not undo the decision.
 */
export async function notifyPartyContacts(
  em: EntityManager,
  mailer: Mailer | undefined,
  partyId: string,
  notice: PartyNotice,
  detail: string | null = null,
): Promise<void> {
  if (!mailer) return;
  const contacts = await em
    .fork()
    .find(
      Membership,
      { party: partyId, role: MembershipRole.CONTACT, status: MembershipStatus.ACTIVE },
      { populate: ['person', 'party'] },
    );
  const link = mailer.link('/min-forening', {});
  for (const contact of contacts) {
    mailer.sendInBackground(
      partyNoticeMail(contact.person.getEntity().email, notice, contact.party.getEntity().name, link, detail),
    );
  }
}
