import type { Viewer } from '../graphql/context.js';

/** Who may do what with notifications, one line per rule. */
export const notificationPolicy = {
  /** Read and change one's own notifications, preferences and language: anyone signed in. */
  own: (viewer: Viewer | null): viewer is Viewer => !!viewer,
  /** A notification is its person's alone; anyone else is told it does not exist. */
  mark: (viewer: Viewer | null, notification: { personId: string }): boolean =>
    !!viewer && viewer.id === notification.personId,
};

export type NotificationRule = keyof typeof notificationPolicy;

/** Which rule guards each notification mutation; the authorization matrix test is generated from this table. */
export const NOTIFICATION_MUTATION_RULES = {
  markNotificationRead: 'mark',
  markAllNotificationsRead: 'own',
  setNotificationPreference: 'own',
  setLanguage: 'own',
} as const satisfies Record<string, NotificationRule>;
