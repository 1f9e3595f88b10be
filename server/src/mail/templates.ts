import { INVITATION_VALID_DAYS, PASSWORD_RESET_VALID_MINUTES } from '@samverka/domain';
import type { MailMessage } from './mailer.js';

/** Every mail: Swedish first, English below, plain text (readable in any client, screen readers included). */
function bilingual(to: string, subject: string, swedish: string[], english: string[]): MailMessage {
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
