import { computed, ref, shallowRef, toValue, type MaybeRefOrGetter } from 'vue';
import { print } from 'graphql';
import { useQuery } from '@vue/apollo-composable';
import { LiveMeetingInitialDocument, type LiveMeetingInitialQuery } from '../../gql/graphql';

const LIVE_PATH = /^\/moten\/([^/]+)\/(?:live|projektor)\/?$/;

let preloaded: { meetingId: string; data: Promise<LiveMeetingInitialQuery | null> } | null = null;

/**
 * When the page opened is a live view or the projector, sends its query at once (main.ts, before the app mounts), so the
 * answer travels while the page's code loads instead of after it. A failed preload is simply not used.
 */
export function preloadLiveMeeting(pathname: string): void {
  const match = LIVE_PATH.exec(pathname);
  if (!match?.[1]) return;
  let meetingId: string;
  try {
    meetingId = decodeURIComponent(match[1]);
  } catch {
    return;
  }
  const data = fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(LiveMeetingInitialDocument), variables: { id: meetingId } }),
  })
    .then(async (response) => {
      if (!response.ok) return null;
      const body = (await response.json()) as { data?: LiveMeetingInitialQuery; errors?: unknown[] };
      return body.errors?.length ? null : (body.data ?? null);
    })
    .catch(() => null);
  preloaded = { meetingId, data };
}

/** The preloaded answer for this meeting, once: a later visit asks the server afresh. */
function takePreloaded(meetingId: string): Promise<LiveMeetingInitialQuery | null> | null {
  if (preloaded?.meetingId !== meetingId) return null;
  const { data } = preloaded;
  preloaded = null;
  return data;
}

/**
 * The live view's first snapshot: the preloaded answer when there is one, the Apollo query otherwise (also
 * when the preload failed, so its loading and error states are the query's).
 */
export function useLiveMeetingSnapshot(meetingId: MaybeRefOrGetter<string>) {
  const pending = takePreloaded(toValue(meetingId));
  const fromPreload = shallowRef<LiveMeetingInitialQuery | null>(null);
  const waiting = ref(pending !== null);
  void pending?.then((data) => {
    fromPreload.value = data;
    waiting.value = false;
  });
  const query = useQuery(
    LiveMeetingInitialDocument,
    () => ({ id: toValue(meetingId) }),
    () => ({ fetchPolicy: 'network-only', enabled: !waiting.value && !fromPreload.value }),
  );
  return {
    result: computed(() => query.result.value ?? fromPreload.value ?? undefined),
    loading: computed(() => waiting.value || query.loading.value),
    error: query.error,
    refetch: () => query.refetch(),
  };
}
