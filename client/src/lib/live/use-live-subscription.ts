import { computed, getCurrentInstance, onBeforeUnmount, readonly, ref, watch, type Ref } from 'vue';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { tabLiveSocket, type ConnectionState, type LiveSocket } from './live-socket';

/** The kind of event that replaces the view's state: events after the cursor could not all be replayed. */
export const RESYNC = 'RESYNC';

/** What every live event has: where it is in its topic's history and what happened. */
export interface LiveEventHeader {
  cursor: string;
  kind: string;
}

export interface LiveSubscriptionOptions<TData, TEvent extends LiveEventHeader> {
  /** The subscription, with the page's own fragment; it takes an `after` variable. */
  document: TypedDocumentNode<TData, never>;
  /** Variables other than `after`. */
  variables?: Record<string, unknown>;
  /** The event in a result, e.g. data.meetingChanged. */
  eventOf: (data: TData) => TEvent;
  /**
   * The cursor the page's query returned with its data (liveCursor). The subscription waits for it and
   * starts after it, so nothing between the query and the subscription is missed.
   */
  startAfter: Readonly<Ref<string | null | undefined>>;
  /** Called once per new event, in order. `resync`: the event holds the current state; replace, not merge. */
  onEvent: (event: TEvent, resync: boolean) => void;
  /** The socket to use; the tab's shared one by default. */
  socket?: LiveSocket;
}

export interface LiveSubscription {
  connection: Readonly<Ref<ConnectionState>>;
  /** Cursor of the last event handled: where the subscription resumes. */
  cursor: Readonly<Ref<string | null>>;
  /** The server refused the subscription (not found, not allowed) or the connection failed for good. */
  failed: Readonly<Ref<boolean>>;
  dispose(): void;
}

/**
 * Follows one topic over the tab's shared socket from a cursor. The cursor lives in the subscribe payload
 * itself: graphql-ws re-sends that payload whenever it reconnects, so after any drop the server replays
 * from the last event handled, and no second subscription is needed. An event seen before is skipped.
 */
export function useLiveSubscription<TData, TEvent extends LiveEventHeader>(
  options: LiveSubscriptionOptions<TData, TEvent>,
): LiveSubscription {
  const socket = options.socket ?? tabLiveSocket();
  const cursor = ref<string | null>(null);
  const failed = ref(false);
  const seen = new Set<string>();
  let unsubscribe: (() => void) | null = null;
  let disposed = false;

  function start(after: string) {
    cursor.value = after;
    const variables: Record<string, unknown> = { ...options.variables, after };
    unsubscribe = socket.client.subscribe<TData>(
      { query: print(options.document), variables },
      {
        next: (result) => {
          if (disposed) return;
          if (!result.data) {
            if (result.errors?.length) failed.value = true;
            return;
          }
          const event = options.eventOf(result.data);
          const resync = event.kind === RESYNC;
          if (!resync && seen.has(event.cursor)) return;
          seen.add(event.cursor);
          variables.after = cursor.value = event.cursor;
          try {
            options.onEvent(event, resync);
          } catch (error) {
            // Thrown inside graphql-ws's message handler, it would close the socket every view shares.
            queueMicrotask(() => {
              throw error;
            });
          }
        },
        error: () => {
          if (!disposed) failed.value = true;
        },
        complete: () => {},
      },
    );
  }

  const stopWaiting = watch(
    options.startAfter,
    (after) => {
      if (unsubscribe || disposed || !after) return;
      start(after);
    },
    { immediate: true },
  );

  function dispose() {
    disposed = true;
    stopWaiting();
    unsubscribe?.();
  }
  if (getCurrentInstance()) onBeforeUnmount(dispose);

  return {
    connection: computed(() => socket.status.value.connection),
    cursor: readonly(cursor),
    failed: readonly(failed),
    dispose,
  };
}
