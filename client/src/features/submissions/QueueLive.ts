import { computed, ref, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { SubmissionQueueChangedDocument, SubmissionQueueDocument } from '../../gql/graphql';
import { coalesce } from '../../lib/live/coalesce';
import type { LiveSocket } from '../../lib/live/live-socket';
import { useLiveSubscription } from '../../lib/live/use-live-subscription';

/** What a section's third column tells: how long each has waited, its due date, or its meeting. */
export type QueueColumn = 'waiting' | 'due' | 'meeting';

/**
 * The submission queue, kept current: submissionQueueChanged carries only a cursor and a kind, and any step
 * of any matter may move one between sections, so each event refetches the queue (it is small), coalesced so
 * a replay after a reconnect costs one refetch.
 */
export function useSubmissionQueue(options: { socket?: LiveSocket; enabled?: Readonly<Ref<boolean>> } = {}) {
  const query = useQuery(SubmissionQueueDocument, null, () => ({
    fetchPolicy: 'network-only',
    enabled: options.enabled?.value ?? true,
  }));
  const updates = ref(0);
  const reload = coalesce(() => query.refetch());
  const queue = computed(() => query.result.value?.submissionQueue ?? null);
  const live = useLiveSubscription({
    document: SubmissionQueueChangedDocument,
    eventOf: (data) => data.submissionQueueChanged,
    startAfter: computed(() => queue.value?.liveCursor),
    onEvent: () => {
      updates.value++;
      reload();
    },
    socket: options.socket,
  });
  return {
    queue,
    loaded: computed(() => !!query.result.value),
    loading: query.loading,
    error: query.error,
    refetch: () => query.refetch(),
    live,
    updates,
  };
}
