import type { LiveField } from '../live/live-hub.js';
import { personTopic } from '../live/publish.js';
import { unauthenticated } from '../graphql/errors.js';
import type { NotificationsEvent } from './notification.resolver.js';

/** The viewer's own notifications, live: the bell's unread count follows each new one and each read. */
export const notificationsChangedField: LiveField<NotificationsEvent> = {
  fieldName: 'notificationsChanged',
  subjectType: null,

  async open(_em, viewer) {
    if (!viewer) throw unauthenticated();
    return { topic: personTopic(viewer.id), subjectId: null, role: 'person' };
  },

  async rootFor(_em, event) {
    return { cursor: event.sequence, kind: event.kind };
  },
};
