import type { FeatureModule } from '../feature-module.js';
import { Notification } from './notification.entity.js';
import { NotificationPreference } from './notification-preference.entity.js';
import {
  NotificationResolver,
  NotificationsEventResolver,
  NotificationViewerResolver,
} from './notification.resolver.js';
import { notificationsChangedField } from './notification-live.js';
import { NOTIFICATION_MUTATION_RULES } from './notification.policy.js';
import { notificationMailKind, digestMailKind } from './notification-mails.js';
import { dailyDigestKind, weeklyDigestKind } from './notification-digest.js';

/** The notification centre: in-app notifications, the unread count, mail at once or in digests, preferences. */
export const notificationsModule: FeatureModule = {
  name: 'notifications',
  entities: [Notification, NotificationPreference],
  resolvers: [NotificationViewerResolver, NotificationResolver, NotificationsEventResolver],
  liveFields: [notificationsChangedField],
  policies: [{ policy: 'notification', rules: NOTIFICATION_MUTATION_RULES }],
  sideEffects: [notificationMailKind, digestMailKind, dailyDigestKind, weeklyDigestKind],
};
