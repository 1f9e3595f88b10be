import { computed, shallowRef, type Ref } from 'vue';
import type { ApolloClient } from '@apollo/client/core';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { useApolloClient } from '@vue/apollo-composable';
import {
  AccessionChangedDocument,
  MyPartyDetailsFragmentDoc,
  PartyExclusionCasesDocument,
  type AccessionDetailsFragment,
} from '../../gql/graphql';
import { coalesce } from '../../lib/live/coalesce';
import type { LiveSocket } from '../../lib/live/live-socket';
import { RESYNC, useLiveSubscription } from '../../lib/live/use-live-subscription';

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

// Apollo's cache identifies what it stores by __typename, which its own queries ask for on their own.
const ACCESSION_CHANGED = addTypenameToDocument(AccessionChangedDocument);

/** Kinds of event after which the party's exclusion cases (not part of the event's party) are fetched again. */
function changesCases(kind: string): boolean {
  return kind === RESYNC || kind === 'ACCESSION_EXCLUDED' || kind.startsWith('EXCLUSION_CASE_');
}

/**
 * A party's page kept current live. accessionChanged carries the party as the page shows it
 * (MyPartyDetails: profile, members, accession), which is written into Apollo's cache so the page's query
 * shows it without a refetch. The exclusion cases are not part of it: an event about them refetches that
 * one query, coalesced. Each change of status is offered for a polite announcement.
 */
export function useLiveAccession(
  partyId: string,
  fromQuery: Ref<Accession | null>,
  options: {
    startAfter: Readonly<Ref<string | null | undefined>>;
    socket?: LiveSocket;
    apollo?: ApolloClient<unknown>;
  },
) {
  const apollo = options.apollo ?? useApolloClient().resolveClient();
  const live = shallowRef<Accession | null>(null);
  const announced = shallowRef<Accession['status'] | null>(null);
  const accession = computed(() => newerAccession(fromQuery.value, live.value));
  const refetchCases = coalesce(() =>
    apollo.refetchQueries({
      include: [PartyExclusionCasesDocument],
      onQueryUpdated: (query) => query.variables?.partyId === partyId && query.refetch(),
    }),
  );

  const events = useLiveSubscription({
    document: ACCESSION_CHANGED,
    variables: { partyId },
    eventOf: (data) => data.accessionChanged,
    startAfter: options.startAfter,
    onEvent: ({ kind, party }, resync) => {
      // An event may be about the party's cases or memberships; the accession it carries may be unchanged.
      const next = party.accession ?? null;
      if (next) {
        const status = statusToAnnounce(accession.value, next);
        live.value = resync ? next : newerAccession(live.value, next);
        if (status) announced.value = status;
      }
      apollo.cache.writeFragment({
        fragment: MyPartyDetailsFragmentDoc,
        fragmentName: 'MyPartyDetails',
        data: party,
      });
      if (changesCases(kind)) refetchCases();
    },
    socket: options.socket,
  });

  return { accession, announced, connection: events.connection, events };
}
