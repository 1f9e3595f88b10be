import { computed } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { LiveMeetingChangedDocument, LiveMeetingInitialDocument } from '../../gql/graphql';
import { useLiveMeeting } from './use-live-meeting';

/** A meeting as the live view and the projector show it: the page query, then its live events. */
export function useLiveMeetingQuery(meetingId: string) {
  const { result, loading, error, refetch } = useQuery(
    LiveMeetingInitialDocument,
    () => ({ id: meetingId }),
    { fetchPolicy: 'network-only' },
  );
  const { meeting, live } = useLiveMeeting({
    meetingId,
    document: LiveMeetingChangedDocument,
    eventOf: (data) => data.meetingChanged,
    snapshot: computed(() => result.value?.meeting),
  });
  const notFound = computed(
    () => (!loading.value && !error.value && !!result.value && !result.value.meeting) || live.failed.value,
  );
  return { meeting, live, loading, error, refetch, notFound };
}
