import { mailSideEffect } from '../mail/mail-side-effect.js';
import { invitationMail, passwordResetMail } from '../mail/templates.js';

export const passwordResetMailKind = mailSideEffect<{ to: string; token: string }>(
  'accounts.password-reset-mail',
  ({ to, token }, mailer) => passwordResetMail(to, mailer.link('/aterstall-losenord', { token })),
);

export const invitationMailKind = mailSideEffect<{
  to: string;
  token: string;
  partyName: string;
  inviterName: string;
}>('accounts.invitation-mail', ({ to, token, partyName, inviterName }, mailer) =>
  invitationMail(to, mailer.link('/inbjudan', { token }), partyName, inviterName),
);

/** The side effects of the accounts feature, carried out by the outbox. */
export const accountSideEffects = [passwordResetMailKind, invitationMailKind];
