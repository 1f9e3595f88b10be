import { computed, watch, type Ref } from 'vue';
import type { LiveMeetingFragment, MeetingDetailsFragment } from '../../gql/graphql';
import { useLiveMeeting, type LiveMeeting } from '../live/use-live-meeting';

type AgendaItemDetails = MeetingDetailsFragment['agenda'][number];

/**
 * The meeting page's meeting with a newer live change laid over it. The live fragment carries the workflow
 * (status, version, current item, timers) but not the recorded texts, so those stay from the page's query
 * until it is refetched; an item new to the page starts without them.
 */
export function withLiveChanges(
  details: MeetingDetailsFragment | null,
  live: LiveMeetingFragment | null,
): MeetingDetailsFragment | null {
  if (!details || !live || live.id !== details.id || live.version <= details.version) return details;
  const known = new Map(details.agenda.map((item) => [item.id, item]));
  const agenda = live.agenda.map((item): AgendaItemDetails => ({
    decision: null,
    minute: null,
    activity: null,
    ...known.get(item.id),
    ...item,
  }));
  const { liveCursor: _cursor, ...changes } = live;
  return { ...details, ...changes, agenda };
}

/**
 * Keeps the meeting page current: follows meetingChanged from the query's liveCursor, shows a newer change at
 * once (so the next chair action sends the current version) and refetches the query for what the live
 * fragment leaves out (decisions, minutes, summary).
 */
export function useLiveMeetingDetails(
  meetingId: string,
  details: Ref<(MeetingDetailsFragment & { liveCursor: string }) | null>,
  refetch: () => unknown,
  live: LiveMeeting = useLiveMeeting(meetingId),
) {
  // The subscription is for this page's meeting; a snapshot of another (the route's id changed under a
  // reused component) is neither seeded nor followed.
  const mine = computed(() => (details.value?.id === meetingId ? details.value : null));
  watch(
    mine,
    (meeting) => {
      if (meeting) live.seed(meeting);
    },
    { immediate: true },
  );
  const meeting = computed(() => withLiveChanges(details.value, live.state.value.meeting));
  watch(
    () => live.state.value.meeting?.version,
    (version) => {
      if (version !== undefined && mine.value && version > mine.value.version) {
        // A failed refetch shows on the page through the query's error; nothing more to do here.
        Promise.resolve(refetch()).catch(() => {});
      }
    },
  );
  return { meeting, live };
}
