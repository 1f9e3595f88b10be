import { ref } from 'vue';
import { CoordinatorQueueChangedDocument, type CoordinatorQueueChangedSubscription } from '../../gql/graphql';
import { useLiveEvents, type LiveEventsOptions } from '../../lib/use-live-events';

/**
 * Keeps the coordinator's queue current: every coordinatorQueueChanged event (and a reconnect, which may
 * have missed some) refetches the queue, and the page announces the update politely.
 */
export function useCoordinatorQueueLive(
  refetch: () => unknown,
  options: Pick<
    LiveEventsOptions<CoordinatorQueueChangedSubscription>,
    'factory' | 'url' | 'startAfter'
  > = {},
) {
  const updates = ref(0);
  const reload = () => {
    // A failed refetch shows through the query's error state.
    Promise.resolve(refetch()).catch(() => {});
  };
  const live = useLiveEvents<CoordinatorQueueChangedSubscription>({
    document: CoordinatorQueueChangedDocument,
    cursorOf: (data) => data.coordinatorQueueChanged.cursor,
    onEvent: () => {
      updates.value++;
      reload();
    },
    onReconnect: reload,
    ...options,
  });
  return { live, updates };
}
