import { Language, NotificationDelivery, type NotificationKind } from '@samverka/domain';
import { fromGlobalId } from '../graphql/node.js';
import { mailSideEffect } from '../mail/mail-side-effect.js';
import type { Mailer, MailMessage } from '../mail/mailer.js';
import { notificationPhrase, type NotificationParams } from './notification-texts.js';

/** The matter or invitation a notification mail is about, as the recipient may read it. */
export interface MailedMatter {
  globalId: string;
  /** "SR 14/2026: title", or the title before registration. */
  label: string;
}

export interface NotificationMailData {
  to: string;
  language: Language;
  kind: NotificationKind;
  params: NotificationParams;
  matter: MailedMatter;
  /** The answer, the reason or the message, quoted in the mail. */
  text: string | null;
}

export interface DigestMailData {
  to: string;
  language: Language;
  cadence: NotificationDelivery.DAILY | NotificationDelivery.WEEKLY;
  matters: (MailedMatter & { steps: { kind: NotificationKind; params: NotificationParams }[] })[];
}

/** The page of a matter, which every notification of it links to. */
export const matterPath = (globalId: string) => `/arenden/${globalId}`;
/** The page of an invitation or consultation, which every notification of it links to. */
export const invitationPath = (globalId: string) => `/dialog/${globalId}`;

const isInvitation = (globalId: string) => fromGlobalId(globalId)?.type === 'Invitation';

/** The page a notification links to: its invitation's or its matter's. */
export const subjectPath = (globalId: string) =>
  isInvitation(globalId) ? invitationPath(globalId) : matterPath(globalId);
/** Where a person chooses how each kind reaches them. */
export const NOTIFICATION_SETTINGS_PATH = '/aviseringar';

const WORDS = {
  [Language.SV]: {
    hello: 'Hej!',
    open: 'Läs mer och följ ärendet på dess sida:',
    openInvitation: 'Läs mer och svara på inbjudans sida:',
    settings: 'Välj hur och när du får aviseringar:',
    daily: 'Dagens sammanfattning från Samverka',
    weekly: 'Veckans sammanfattning från Samverka',
    digestIntro: 'Det här har hänt i ärenden du följer:',
    digestInvitations: 'Inbjudningar till dialog och remisser som gäller dig:',
  },
  [Language.EN]: {
    hello: 'Hello,',
    open: 'Read more and follow the matter on its page:',
    openInvitation: 'Read more and answer on the invitation’s page:',
    settings: 'Choose how and when notifications reach you:',
    daily: 'Your daily summary from Samverka',
    weekly: 'Your weekly summary from Samverka',
    digestIntro: 'This happened in matters you follow:',
    digestInvitations: 'Invitations to dialogue and consultations that concern you:',
  },
};

const capitalised = (phrase: string) => phrase.charAt(0).toUpperCase() + phrase.slice(1);

/** One step of one matter, mailed at once, in the recipient's language. */
export function notificationMail(data: NotificationMailData, mailer: Mailer): MailMessage {
  const words = WORDS[data.language];
  const phrase = notificationPhrase(data.language, data.kind, data.params);
  const quoted = data.text ? ['', ...data.text.split('\n').map((line) => `  ${line}`)] : [];
  return {
    to: data.to,
    subject: `${data.matter.label}: ${phrase}`,
    text: [
      words.hello,
      '',
      `${data.matter.label} ${phrase}.`,
      ...quoted,
      '',
      isInvitation(data.matter.globalId) ? words.openInvitation : words.open,
      mailer.link(subjectPath(data.matter.globalId), {}),
      '',
      words.settings,
      mailer.link(NOTIFICATION_SETTINGS_PATH, {}),
      '',
    ].join('\n'),
  };
}

/**
 * A person's news of a day or a week in their language: the matters they follow, then the invitations that
 * concern them (the successor of the municipality's newsletter), each grouped with its steps and its link.
 */
export function digestMail(data: DigestMailData, mailer: Mailer): MailMessage {
  const words = WORDS[data.language];
  const subject = data.cadence === NotificationDelivery.DAILY ? words.daily : words.weekly;
  const grouped = (heading: string, subjects: DigestMailData['matters']) =>
    subjects.length === 0
      ? []
      : [
          '',
          heading,
          ...subjects.flatMap((matter) => [
            '',
            matter.label,
            ...matter.steps.map(
              (step) => `  – ${capitalised(notificationPhrase(data.language, step.kind, step.params))}`,
            ),
            `  ${mailer.link(subjectPath(matter.globalId), {})}`,
          ]),
        ];
  return {
    to: data.to,
    subject,
    text: [
      words.hello,
      ...grouped(
        words.digestIntro,
        data.matters.filter((matter) => !isInvitation(matter.globalId)),
      ),
      ...grouped(
        words.digestInvitations,
        data.matters.filter((matter) => isInvitation(matter.globalId)),
      ),
      '',
      words.settings,
      mailer.link(NOTIFICATION_SETTINGS_PATH, {}),
      '',
    ].join('\n'),
  };
}

export const notificationMailKind = mailSideEffect<NotificationMailData>(
  'notifications.mail',
  notificationMail,
);
export const digestMailKind = mailSideEffect<DigestMailData>('notifications.digest-mail', digestMail);
