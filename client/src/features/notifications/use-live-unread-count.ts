import { computed, ref, watch } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { NotificationBellDocument, NotificationsChangedDocument } from '../../gql/graphql';
import type { LiveSocket } from '../../lib/live/live-socket';
import { useLiveSubscription } from '../../lib/live/use-live-subscription';

/**
 * The viewer's unread count, live: read with the cursor of its topic, then kept current by
 * notificationsChanged (each event carries the count as it is then), resuming after a reconnect.
 */
export function useLiveUnreadCount(options: { socket?: LiveSocket } = {}) {
  const { result, refetch } = useQuery(NotificationBellDocument, null, { fetchPolicy: 'network-only' });
  const latest = ref<number | null>(null);
  watch(result, () => (latest.value = null));
  const live = useLiveSubscription({
    document: NotificationsChangedDocument,
    eventOf: (data) => data.notificationsChanged,
    startAfter: computed(() => result.value?.viewer?.notificationsCursor),
    onEvent: (event) => {
      latest.value = event.unreadNotificationCount;
    },
    socket: options.socket,
  });
  const count = computed(() => latest.value ?? result.value?.viewer?.unreadNotificationCount ?? null);
  return { count, live, refetch };
}
