import { computed, shallowRef, type Ref } from 'vue';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { LiveSocket } from '../../lib/live/live-socket';
import { useLiveSubscription, type LiveEventHeader } from '../../lib/live/use-live-subscription';

interface VersionedMeeting {
  id: string;
  version: number;
  /** Bumped by attendance and speakers' list changes, which leave `version` alone. */
  speakersVersion?: number;
}

/**
 * The newer of two views of a meeting, by version, then by speakersVersion; the first on a tie. Both counters
 * only grow, so a view read later is never behind in either.
 */
export function newerMeeting<T extends VersionedMeeting>(a: T | null, b: T | null): T | null {
  if (!a || !b) return a ?? b;
  if (b.version !== a.version) return b.version > a.version ? b : a;
  return (b.speakersVersion ?? 0) > (a.speakersVersion ?? 0) ? b : a;
}

export interface LiveMeetingOptions<TData, TMeeting extends VersionedMeeting> {
  meetingId: string;
  /** meetingChanged with the page's own fragment, so an event carries everything the page shows. */
  document: TypedDocumentNode<TData, never>;
  eventOf: (data: TData) => LiveEventHeader & { meeting: TMeeting };
  /** The page query's meeting and the cursor it was read at. */
  snapshot: Readonly<Ref<(TMeeting & { liveCursor: string }) | null | undefined>>;
  socket?: LiveSocket;
}

/**
 * A meeting page kept current without refetching: the query gives the first view and its cursor, each
 * event carries the meeting as the page shows it, and whichever view has the higher version is shown (a
 * chair's own mutation result may arrive before or after its event). A RESYNC replaces the live view.
 */
export function useLiveMeeting<TData, TMeeting extends VersionedMeeting>(
  options: LiveMeetingOptions<TData, TMeeting>,
) {
  // A snapshot of another meeting (the route's id changed under a reused component) is not followed.
  const mine = computed(() =>
    options.snapshot.value?.id === options.meetingId ? options.snapshot.value : null,
  );
  const live = shallowRef<TMeeting | null>(null);
  const subscription = useLiveSubscription({
    document: options.document,
    variables: { meetingId: options.meetingId },
    eventOf: options.eventOf,
    startAfter: computed(() => mine.value?.liveCursor),
    onEvent: ({ meeting }, resync) => {
      live.value = resync ? meeting : newerMeeting(live.value, meeting);
    },
    socket: options.socket,
  });
  const meeting = computed<TMeeting | null>(() => newerMeeting<TMeeting>(mine.value, live.value));
  return { meeting, live: subscription };
}
