import { INVITATION_VALID_DAYS, PASSWORD_RESET_VALID_MINUTES } from '@samverka/domain';
import type { MailMessage } from './mailer.js';

/** Every mail: Swedish first, English below, plain text (readable in any client, screen readers included). */
export function bilingual(to: string, subject: string, swedish: string[], english: string[]): MailMessage {
  return { to, subject, text: [...swedish, '', '— In English —', '', ...english, ''].join('\n') };
}

export function passwordResetMail(to: string, link: string): MailMessage {
  return bilingual(
    to,
    'Återställ ditt lösenord i Samverka / Reset your Samverka password',
    [
      'Hej!',
      '',
      'Någon (förhoppningsvis du) bad om att få återställa lösenordet till ditt konto i Samverka.',
      'Öppna länken och välj ett nytt lösenord:',
      '',
      link,
      '',
      `Länken fungerar en gång, i ${PASSWORD_RESET_VALID_MINUTES} minuter. När du byter lösenord loggas alla`,
      'dina andra inloggningar ut. Om du inte bad om detta kan du strunta i det här mejlet.',
    ],
    [
      'Hello,',
      '',
      'Someone (hopefully you) asked to reset the password of your Samverka account.',
      'Open the link and choose a new password:',
      '',
      link,
      '',
      `The link works once, for ${PASSWORD_RESET_VALID_MINUTES} minutes. Changing the password signs out all your`,
      'other sessions. If you did not ask for this, you can ignore this e-mail.',
    ],
  );
}

export function invitationMail(
  to: string,
  link: string,
  partyName: string,
  inviterName: string,
): MailMessage {
  return bilingual(
    to,
    `Inbjudan till ${partyName} i Samverka / Invitation to ${partyName} in Samverka`,
    [
      'Hej!',
      '',
      `${inviterName} bjuder in dig att vara med för ${partyName} i Samverka, Örebros`,
      'överenskommelse om samverkan mellan civilsamhället och kommunen.',
      'Öppna länken för att tacka ja (du kan skapa ett konto där om du inte har något):',
      '',
      link,
      '',
      `Länken fungerar en gång, i ${INVITATION_VALID_DAYS} dagar.`,
    ],
    [
      'Hello,',
      '',
      `${inviterName} invites you to take part for ${partyName} in Samverka, Örebro's agreement on`,
      'collaboration between civil society and the municipality.',
      'Open the link to accept (you can create an account there if you have none):',
      '',
      link,
      '',
      `The link works once, for ${INVITATION_VALID_DAYS} days.`,
    ],
  );
}

/** What a party's contacts are told by mail. */
export type PartyNotice =
  'ACCESSION_APPROVED' | 'ACCESSION_REJECTED' | 'EXCLUSION_CASE_OPENED' | 'EXCLUSION_DECIDED';

const NOTICES: Record<PartyNotice, { subject: [string, string]; sv: string; en: string }> = {
  ACCESSION_APPROVED: {
    subject: ['ansluten till överenskommelsen', 'has joined the agreement'],
    sv: 'är nu ansluten till överenskommelsen om samverkan. Välkomna!',
    en: 'has now joined the agreement on collaboration. Welcome!',
  },
  ACCESSION_REJECTED: {
    subject: ['ansökan om anslutning avslogs', 'application to join was rejected'],
    sv: 'fick avslag på sin ansökan om att ansluta sig till överenskommelsen. Samordnarens motivering:',
    en: "was refused in its application to join the agreement. The coordinator's reason:",
  },
  EXCLUSION_CASE_OPENED: {
    subject: ['ärende om uteslutning', 'case for exclusion'],
    sv: 'berörs av ett ärende om uteslutning ur överenskommelsen. Ni kan läsa grunderna och svara i Samverka. Grunderna:',
    en: 'is concerned by a case for exclusion from the agreement. You can read the grounds and respond in Samverka. The grounds:',
  },
  EXCLUSION_DECIDED: {
    subject: ['beslut i ärendet om uteslutning', 'decision in the case for exclusion'],
    sv: 'har fått Samverkansrådets beslut i ärendet om uteslutning:',
    en: 'has received the decision of Samverkansrådet in the case for exclusion:',
  },
};

export function partyNoticeMail(
  to: string,
  notice: PartyNotice,
  partyName: string,
  link: string,
  detail: string | null,
): MailMessage {
  const { subject, sv, en } = NOTICES[notice];
  const quoted = detail ? ['', ...detail.split('\n').map((line) => `  ${line}`)] : [];
  return bilingual(
    to,
    `${partyName}: ${subject[0]} / ${partyName}: ${subject[1]}`,
    ['Hej!', '', `${partyName} ${sv}`, ...quoted, '', 'Se mer under Min förening:', link],
    ['Hello,', '', `${partyName} ${en}`, ...quoted, '', 'See more under My party:', link],
  );
}

export function welcomeMail(to: string, signInLink: string): MailMessage {
  return bilingual(
    to,
    'Välkommen till Samverka / Welcome to Samverka',
    [
      'Hej!',
      '',
      'Ditt konto i Samverka är skapat. Logga in med din e-postadress och det lösenord du valde:',
      '',
      signInLink,
      '',
      'Om det inte var du som skapade kontot kan du strunta i det här mejlet.',
    ],
    [
      'Hello,',
      '',
      'Your Samverka account has been created. Sign in with your e-mail address and the password you chose:',
      '',
      signInLink,
      '',
      'If you did not create the account, you can ignore this e-mail.',
    ],
  );
}

/** To the owner of an address someone tried to register again: nothing was changed. */
export function registrationAttemptMail(to: string, signInLink: string, resetLink: string): MailMessage {
  return bilingual(
    to,
    'Någon försökte registrera din e-postadress i Samverka / Someone tried to register your address',
    [
      'Hej!',
      '',
      'Någon försökte registrera ett nytt konto i Samverka med din e-postadress. Du har redan ett konto,',
      'så inget nytt skapades och ingenting ändrades.',
      '',
      'Var det du? Logga in här:',
      signInLink,
      '',
      'Har du glömt lösenordet? Välj ett nytt här:',
      resetLink,
      '',
      'Om det inte var du kan du strunta i det här mejlet.',
    ],
    [
      'Hello,',
      '',
      'Someone tried to register a new Samverka account with your e-mail address. You already have an',
      'account, so nothing new was created and nothing was changed.',
      '',
      'Was it you? Sign in here:',
      signInLink,
      '',
      'Forgot your password? Choose a new one here:',
      resetLink,
      '',
      'If it was not you, you can ignore this e-mail.',
    ],
  );
}
