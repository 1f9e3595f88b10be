import type { FeatureModule } from '../feature-module.js';
import { Notification } from './notification.entity.js';
import { NotificationPreference } from './notification-preference.entity.js';

/** The notification centre: in-app notifications, the unread count, mail at once or in digests, preferences. */
export const notificationsModule: FeatureModule = {
  name: 'notifications',
  entities: [Notification, NotificationPreference],
  resolvers: [],
};
