import { computed, shallowRef, type Ref } from 'vue';
import {
  AccessionChangedDocument,
  type AccessionChangedSubscription,
  type AccessionDetailsFragment,
} from '../../gql/graphql';
import { useLiveEvents, type LiveEventsOptions } from '../../lib/use-live-events';

type Accession = AccessionDetailsFragment;

/** The newer of two views of a party's latest accession: a later request wins, then a higher version. */
export function newerAccession(a: Accession | null, b: Accession | null): Accession | null {
  if (!a || !b) return a ?? b;
  if (a.id !== b.id) return a.requestedAt >= b.requestedAt ? a : b;
  return a.version >= b.version ? a : b;
}

/** Statuses that are someone else's decision on the party (the coordinator's, Samverkansrådet's). */
const DECISIONS: readonly Accession['status'][] = ['APPROVED', 'REJECTED', 'EXCLUDED'];

/**
 * The decision to announce when a live event changes the accession, or null: nothing changed, the event is
 * older than what is shown, or the change was the party's own (a request, a withdrawal).
 */
export function statusToAnnounce(previous: Accession | null, next: Accession): Accession['status'] | null {
  if (!DECISIONS.includes(next.status)) return null;
  if (previous && previous.id === next.id && previous.status === next.status) return null;
  if (previous && previous.id === next.id && previous.version > next.version) return null;
  return next.status;
}

/**
 * A party's accession kept current live: the page's query gives the first view, accessionChanged events
 * (followed from the last cursor across reconnects) lay newer ones over it, and each change of status is
 * offered for a polite announcement.
 */
export function useLiveAccession(
  partyId: string,
  fromQuery: Ref<Accession | null>,
  options: { onChange?: () => void } & Pick<
    LiveEventsOptions<AccessionChangedSubscription>,
    'factory' | 'url' | 'startAfter'
  > = {},
) {
  const live = shallowRef<Accession | null>(null);
  const announced = shallowRef<Accession['status'] | null>(null);
  const accession = computed(() => newerAccession(fromQuery.value, live.value));

  const events = useLiveEvents<AccessionChangedSubscription>({
    document: AccessionChangedDocument,
    variables: { partyId },
    cursorOf: (data) => data.accessionChanged.cursor,
    onEvent: (data) => {
      // An event may be about the party's cases or memberships; the accession it carries may be unchanged.
      const next = data.accessionChanged.party.accession ?? null;
      if (next) {
        const status = statusToAnnounce(accession.value, next);
        live.value = newerAccession(live.value, next);
        if (status) announced.value = status;
      }
      options.onChange?.();
    },
    onReconnect: () => options.onChange?.(),
    factory: options.factory,
    url: options.url,
    startAfter: options.startAfter,
  });

  return { accession, announced, connection: computed(() => events.state.value.connection), events };
}
