import { Language, NotificationKind, SubmissionAction } from '@samverka/domain';

/**
 * What a notification says, rendered from its kind and params in the reader's language. The client has the
 * same words in its `notifications` i18n section; the mails use these.
 */
export type NotificationParams = Record<string, string>;

const STEPS: Record<Language, Partial<Record<SubmissionAction, string>>> = {
  [Language.SV]: {
    SUBMIT: 'har skickats in',
    WITHDRAW: 'har återkallats',
    RETURN_FOR_COMPLETION: 'har återsänts för komplettering',
    REGISTER: 'har registrerats',
    DECLINE: 'har avvisats',
    REFER: 'har remitterats till en förvaltning för skriftligt svar',
    ANSWER_IN_WRITING: 'har besvarats skriftligt',
    SCHEDULE: 'har planerats till ett sammanträde i Samverkansrådet',
    UNSCHEDULE: 'har tagits bort från sammanträdet',
    RECORD_MEETING_ANSWER: 'har besvarats genom beslut i Samverkansrådet',
    CLOSE: 'har avslutats',
    COSIGN: 'har fått stöd av ytterligare en part',
    DECIDE_PUBLICATION: 'har fått beslut om publicering',
  },
  [Language.EN]: {
    SUBMIT: 'has been submitted',
    WITHDRAW: 'has been withdrawn',
    RETURN_FOR_COMPLETION: 'has been returned for completion',
    REGISTER: 'has been registered',
    DECLINE: 'has been declined',
    REFER: 'has been referred to a department for a written answer',
    ANSWER_IN_WRITING: 'has been answered in writing',
    SCHEDULE: 'has been scheduled for a meeting of Samverkansrådet',
    UNSCHEDULE: 'has been removed from the meeting',
    RECORD_MEETING_ANSWER: 'has been answered by a decision of Samverkansrådet',
    CLOSE: 'has been closed',
    COSIGN: 'has been backed by another party',
    DECIDE_PUBLICATION: 'has had its publication decided',
  },
};

const MESSAGES: Record<Language, Record<string, string>> = {
  [Language.SV]: {
    COMMENT: 'har fått en ny kommentar',
    CONVERSATION: 'har ett nytt meddelande i samtalet',
  },
  [Language.EN]: {
    COMMENT: 'has a new comment',
    CONVERSATION: 'has a new message in the conversation',
  },
};

/**
 * What an invitation's notification says after its title. A new invitation is told by its kind (a dialogue or
 * a consultation); a cancellation by whether the invitation was called off or its occasions changed.
 */
const INVITATION_PHRASES: Record<Language, Record<string, string>> = {
  [Language.SV]: {
    NEW_DIALOGUE: 'är en ny inbjudan till dialog som gäller er',
    NEW_CONSULTATION: 'är en ny remiss som gäller er',
    INVITATION_FEEDBACK: 'har fått återkoppling: så blev det',
    CANCEL: 'har ställts in',
    MANAGE_OCCASIONS: 'har fått ändrade tillfällen',
    INVITATION_SEAT_OFFERED: 'har en plats till er från väntelistan',
    CONSULTATION_COMPILED: 'har fått en publicerad remissammanställning',
  },
  [Language.EN]: {
    NEW_DIALOGUE: 'is a new invitation to dialogue that concerns you',
    NEW_CONSULTATION: 'is a new consultation that concerns you',
    INVITATION_FEEDBACK: 'has feedback: what came of it',
    CANCEL: 'has been cancelled',
    MANAGE_OCCASIONS: 'has had its occasions changed',
    INVITATION_SEAT_OFFERED: 'has a seat for you from the waiting list',
    CONSULTATION_COMPILED: 'has a published compilation of the responses',
  },
};

/** The key of an invitation's phrase in INVITATION_PHRASES (and the client's notifications.invitations). */
export function invitationPhraseKey(kind: NotificationKind, params: NotificationParams): string {
  if (kind === NotificationKind.INVITATION_NEW) {
    return params.invitationKind === 'CONSULTATION' ? 'NEW_CONSULTATION' : 'NEW_DIALOGUE';
  }
  if (kind === NotificationKind.INVITATION_CANCELLED) {
    return params.action === 'MANAGE_OCCASIONS' ? 'MANAGE_OCCASIONS' : 'CANCEL';
  }
  return kind;
}

/** The kinds that tell of an invitation or a consultation rather than of a matter. */
export const INVITATION_NOTIFICATION_KINDS: readonly NotificationKind[] = [
  NotificationKind.INVITATION_NEW,
  NotificationKind.INVITATION_FEEDBACK,
  NotificationKind.INVITATION_CANCELLED,
  NotificationKind.INVITATION_SEAT_OFFERED,
  NotificationKind.CONSULTATION_COMPILED,
];

/** The step in words, e.g. "har registrerats": what follows the matter's name. */
export function notificationPhrase(
  language: Language,
  kind: NotificationKind,
  params: NotificationParams,
): string {
  if (INVITATION_NOTIFICATION_KINDS.includes(kind)) {
    return INVITATION_PHRASES[language][invitationPhraseKey(kind, params)]!;
  }
  if (kind === NotificationKind.SUBMISSION_MESSAGE) {
    return MESSAGES[language][params.source ?? 'COMMENT'] ?? MESSAGES[language].COMMENT!;
  }
  const fallback = language === Language.SV ? 'har ändrats' : 'has changed';
  return STEPS[language][params.action as SubmissionAction] ?? fallback;
}

/** The matter as a mail names it: "SR 14/2026: title", or the title before it is registered. */
export function matterLabel(registrationNumber: string | null | undefined, title: string): string {
  return registrationNumber ? `${registrationNumber}: ${title}` : title;
}
