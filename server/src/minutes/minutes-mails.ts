import type { EntityManager } from '@mikro-orm/postgresql';
import { mailSideEffect } from '../mail/mail-side-effect.js';
import { bilingual } from '../mail/templates.js';
import type { Outbox } from '../outbox/outbox.js';
import type { MailMessage } from '../mail/mailer.js';

interface ApprovalRequest {
  to: string;
  forumName: string;
  meetingTitle: string;
  /** ISO date of the meeting. */
  startsAt: string;
  /** Global id of the meeting, for the link. */
  meetingId: string;
}

const swedishDate = (iso: string) =>
  new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' });
const englishDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { timeZone: 'Europe/Stockholm', dateStyle: 'long' });

export function approvalRequestMail(request: ApprovalRequest, link: string): MailMessage {
  const { to, forumName, meetingTitle, startsAt } = request;
  return bilingual(
    to,
    `Protokoll att justera: ${forumName} ${swedishDate(startsAt)} / Minutes to approve`,
    [
      'Hej!',
      '',
      `Protokollet från ${meetingTitle} (${forumName}) den ${swedishDate(startsAt)} är klart att justera.`,
      'Läs det och justera det, eller be om en rättelse, här:',
      '',
      link,
    ],
    [
      'Hello,',
      '',
      `The minutes of ${meetingTitle} (${forumName}) on ${englishDate(startsAt)} are ready for your approval.`,
      'Read them and approve them, or ask for a correction, here:',
      '',
      link,
    ],
  );
}

export const approvalRequestMailKind = mailSideEffect<ApprovalRequest>(
  'minutes.approval-request-mail',
  (request, mailer) => approvalRequestMail(request, mailer.link(`/moten/${request.meetingId}/protokoll`, {})),
);

/** The side effects of the minutes feature, carried out by the outbox. */
export const minutesSideEffects = [approvalRequestMailKind];

/** Asks each approver by mail, recorded in the transaction that sends the minutes. */
export async function mailApprovers(
  tx: EntityManager,
  outbox: Outbox | undefined,
  requests: ApprovalRequest[],
): Promise<void> {
  if (!outbox) return;
  for (const request of requests) await outbox.record(tx, approvalRequestMailKind, request);
}
