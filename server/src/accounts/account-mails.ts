import { mailSideEffect } from '../mail/mail-side-effect.js';
import {
  invitationMail,
  passwordResetMail,
  registrationAttemptMail,
  welcomeMail,
} from '../mail/templates.js';

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

export const welcomeMailKind = mailSideEffect<{ to: string }>('accounts.welcome-mail', ({ to }, mailer) =>
  welcomeMail(to, mailer.link('/logga-in', {})),
);

/** To the owner of an address someone tried to register again. */
export const registrationAttemptMailKind = mailSideEffect<{ to: string }>(
  'accounts.registration-attempt-mail',
  ({ to }, mailer) =>
    registrationAttemptMail(to, mailer.link('/logga-in', {}), mailer.link('/aterstall-losenord', {})),
);

/** The side effects of the accounts feature, carried out by the outbox. */
export const accountSideEffects = [
  passwordResetMailKind,
  invitationMailKind,
  welcomeMailKind,
  registrationAttemptMailKind,
];
