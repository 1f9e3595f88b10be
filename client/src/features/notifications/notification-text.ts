import type { NotificationKind } from '../../gql/graphql';

/** What a notification text needs: its kind, its params and the matter or invitation as the reader may see it. */
export interface NotificationLike {
  kind: NotificationKind;
  params: readonly { name: string; value: string }[];
  submission: { registrationNumber?: string | null; title?: string | null } | null;
  invitation?: { registrationNumber?: string | null; title: string } | null;
}

/** The kinds that tell of an invitation or a consultation rather than of a matter. */
const INVITATION_KINDS: readonly NotificationKind[] = [
  'INVITATION_NEW',
  'INVITATION_FEEDBACK',
  'INVITATION_CANCELLED',
  'INVITATION_SEAT_OFFERED',
  'CONSULTATION_COMPILED',
];

/** Whether the notification tells of an invitation (its link goes to /dialog/<id>). */
export const isInvitationNotification = (notification: Pick<NotificationLike, 'kind'>) =>
  INVITATION_KINDS.includes(notification.kind);

type Translate = (key: string, values?: Record<string, unknown>) => string;
type Has = (key: string) => boolean;

/** The matter's name: "SR 14/2026: title", the number alone when the title is not the reader's to see. */
export function matterName(notification: NotificationLike, t: Translate): string {
  if (isInvitationNotification(notification)) {
    const invitation = notification.invitation;
    if (!invitation) return t('notifications.invitations.someInvitation');
    return invitation.registrationNumber
      ? `${invitation.registrationNumber}: ${invitation.title}`
      : invitation.title;
  }
  const matter = notification.submission;
  if (!matter) return t('notifications.someMatter');
  if (matter.title)
    return matter.registrationNumber ? `${matter.registrationNumber}: ${matter.title}` : matter.title;
  return matter.registrationNumber
    ? `${t('notifications.restrictedMatter')} ${matter.registrationNumber}`
    : t('notifications.restrictedMatter');
}

/** As the server's invitationPhraseKey: a new invitation by its kind, a cancellation by what was cancelled. */
function invitationPhraseKey(kind: NotificationKind, param: (name: string) => string): string {
  if (kind === 'INVITATION_NEW') {
    return param('invitationKind') === 'CONSULTATION' ? 'NEW_CONSULTATION' : 'NEW_DIALOGUE';
  }
  if (kind === 'INVITATION_CANCELLED') {
    return param('action') === 'MANAGE_OCCASIONS' ? 'MANAGE_OCCASIONS' : 'CANCEL';
  }
  return kind;
}

/** The step in words, in the current language, from the kind and params (as the server's mails say it). */
export function notificationPhrase(notification: NotificationLike, t: Translate, has: Has): string {
  const param = (name: string) => notification.params.find((p) => p.name === name)?.value ?? '';
  if (isInvitationNotification(notification)) {
    return t(`notifications.invitations.${invitationPhraseKey(notification.kind, param)}`);
  }
  if (notification.kind === 'SUBMISSION_MESSAGE') {
    const source = param('source');
    return t(
      has(`notifications.messages.${source}`)
        ? `notifications.messages.${source}`
        : 'notifications.messages.COMMENT',
    );
  }
  const action = param('action');
  return t(
    has(`notifications.steps.${action}`) ? `notifications.steps.${action}` : 'notifications.steps.other',
  );
}

/** The whole sentence, e.g. "SR 14/2026: Lokaler har registrerats." */
export function notificationText(notification: NotificationLike, t: Translate, has: Has): string {
  return t('notifications.text', {
    matter: matterName(notification, t),
    phrase: notificationPhrase(notification, t, has),
  });
}
