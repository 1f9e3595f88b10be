import { computed, ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { PartySubmissionsChangedDocument, PartySubmissionsDocument } from '../../gql/graphql';
import { coalesce } from '../../lib/live/coalesce';
import type { LiveSocket } from '../../lib/live/live-socket';
import { useLiveSubscription } from '../../lib/live/use-live-subscription';

/** The newest matters the list shows: the server's largest page; a party with more is told how many. */
export const PARTY_SUBMISSIONS_SHOWN = 100;

/**
 * A party's own list, kept current: each partySubmissionsChanged event (a step of one of its matters)
 * refetches it, coalesced. Drafts are written without live events, so the pages that create and edit them
 * leave the list to be fetched afresh when it is opened (network-only).
 */
export function usePartySubmissions(partyId: string, options: { socket?: LiveSocket } = {}) {
  const query = useQuery(
    PartySubmissionsDocument,
    { partyId, first: PARTY_SUBMISSIONS_SHOWN },
    { fetchPolicy: 'network-only' },
  );
  const updates = ref(0);
  const reload = coalesce(() => query.refetch());
  const list = computed(() => query.result.value?.partySubmissions ?? null);
  const live = useLiveSubscription({
    document: PartySubmissionsChangedDocument,
    variables: { partyId },
    eventOf: (data) => data.partySubmissionsChanged,
    startAfter: computed(() => list.value?.liveCursor),
    onEvent: () => {
      updates.value++;
      reload();
    },
    socket: options.socket,
  });
  return {
    list,
    loading: query.loading,
    error: query.error,
    refetch: () => query.refetch(),
    live,
    updates,
  };
}
