import { ref, type Ref } from 'vue';
import { CoordinatorQueueChangedDocument } from '../../gql/graphql';
import { coalesce } from '../../lib/live/coalesce';
import type { LiveSocket } from '../../lib/live/live-socket';
import { RESYNC, useLiveSubscription } from '../../lib/live/use-live-subscription';

/** The queue page's three queries (the server's cost limit counts each list by its page size). */
export type QueuePart = 'accessions' | 'nominations' | 'cases';

const EVERY_PART: readonly QueuePart[] = ['accessions', 'nominations', 'cases'];

/**
 * The parts of the queue an event changes. CoordinatorQueueEvent carries only its kind, so the page
 * refetches those parts; a RESYNC (or a kind it does not know) refetches all of them.
 */
export function partsChangedBy(kind: string): readonly QueuePart[] {
  if (kind === RESYNC) return EVERY_PART;
  if (kind === 'ACCESSION_EXCLUDED') return ['accessions', 'cases'];
  if (kind.startsWith('ACCESSION_') || kind.startsWith('NETWORK_')) return ['accessions'];
  if (kind.startsWith('EXCLUSION_CASE_')) return ['cases'];
  if (kind.startsWith('NOMINATION_')) return ['nominations'];
  return EVERY_PART;
}

/**
 * Keeps the coordinator's queue current: each coordinatorQueueChanged event refetches the parts it
 * changed, coalesced, so a replay of many events after a reconnect costs one refetch per part, not one
 * per event. The page announces the update politely.
 */
export function useCoordinatorQueueLive(
  refetch: Record<QueuePart, () => unknown>,
  options: { startAfter: Readonly<Ref<string | null | undefined>>; socket?: LiveSocket },
) {
  const updates = ref(0);
  const reload = {
    accessions: coalesce(refetch.accessions),
    nominations: coalesce(refetch.nominations),
    cases: coalesce(refetch.cases),
  };
  const live = useLiveSubscription({
    document: CoordinatorQueueChangedDocument,
    eventOf: (data) => data.coordinatorQueueChanged,
    startAfter: options.startAfter,
    onEvent: ({ kind }) => {
      updates.value++;
      for (const part of partsChangedBy(kind)) reload[part]();
    },
    socket: options.socket,
  });
  return { live, updates };
}
