import { getCurrentInstance, onBeforeUnmount, readonly, shallowRef, watch, type Ref } from 'vue';
import { print, type DocumentNode } from 'graphql';
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import {
  FAILURES_BEFORE_DISCONNECTED,
  liveUrl,
  retryDelayMs,
  type ConnectionState,
} from '../features/live/use-live-meeting';

export type { ConnectionState };

export interface LiveEventsState {
  /** Cursor of the last event handled; sent as `after` when (re)subscribing. */
  lastCursor: string | null;
  /** Every cursor handled, so an event replayed after a reconnect is handled once. */
  seen: ReadonlySet<string>;
  connection: ConnectionState;
  everConnected: boolean;
  failures: number;
  /** The server refused the subscription (e.g. not allowed to see it). */
  failed: boolean;
}

export type LiveEventsAction =
  | { type: 'event'; cursor: string }
  | { type: 'start'; cursor: string }
  | { type: 'connected' }
  | { type: 'closed' }
  | { type: 'offline' }
  | { type: 'subscriptionError' };

export function initialLiveEventsState(): LiveEventsState {
  return {
    lastCursor: null,
    seen: new Set(),
    connection: 'connecting',
    everConnected: false,
    failures: 0,
    failed: false,
  };
}

/** Pure state transitions: cursors of handled events and the connection state shown on the page. */
export function liveEventsReducer(state: LiveEventsState, action: LiveEventsAction): LiveEventsState {
  switch (action.type) {
    case 'event': {
      if (state.seen.has(action.cursor)) return state;
      const seen = new Set(state.seen);
      seen.add(action.cursor);
      return { ...state, lastCursor: action.cursor, seen };
    }
    case 'start':
      return { ...state, lastCursor: action.cursor };
    case 'connected':
      return { ...state, connection: 'connected', everConnected: true, failures: 0, failed: false };
    case 'closed': {
      const failures = state.connection === 'connected' ? 0 : state.failures + 1;
      const connection: ConnectionState =
        failures >= FAILURES_BEFORE_DISCONNECTED
          ? 'disconnected'
          : state.everConnected
            ? 'reconnecting'
            : state.connection === 'disconnected'
              ? 'disconnected'
              : 'connecting';
      return { ...state, connection, failures };
    }
    case 'offline':
      return { ...state, connection: 'disconnected' };
    case 'subscriptionError':
      return { ...state, failed: true };
  }
}

export interface LiveEventsOptions<TData> {
  /** The subscription document; it must take an `after` variable. */
  document: DocumentNode;
  /** Variables other than `after`. */
  variables?: Record<string, unknown>;
  /** The event's cursor in a result (e.g. data.accessionChanged.cursor). */
  cursorOf: (data: TData) => string | null | undefined;
  /** Called once per new event, in order. */
  onEvent: (data: TData) => void;
  /** Called after the connection came back: anything missed before the first event cursor is refetched. */
  onReconnect?: () => void;
  /**
   * The cursor the page's query returned with its data (liveCursor). When given, the subscription waits for
   * it and starts after it, so nothing that happened between the query and the subscription is missed.
   */
  startAfter?: Readonly<Ref<string | null | undefined>>;
  url?: string;
  factory?: (options: ClientOptions) => Client;
}

export interface LiveEvents {
  state: Readonly<Ref<LiveEventsState>>;
  dispose(): void;
}

/**
 * Follows a cursor-based subscription over graphql-ws (as the live meeting does): resumes after a dropped
 * connection with `after` set to the last cursor handled, skips replayed events and reports the connection
 * state for the page to show.
 */
export function useLiveEvents<TData>(options: LiveEventsOptions<TData>): LiveEvents {
  const state = shallowRef<LiveEventsState>(initialLiveEventsState());
  const dispatch = (action: LiveEventsAction) => {
    state.value = liveEventsReducer(state.value, action);
  };
  const query = print(options.document);
  let disposeSubscription: (() => void) | null = null;
  let generation = 0;

  const client = (options.factory ?? createClient)({
    url: options.url ?? liveUrl(),
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
    onNonLazyError: () => dispatch({ type: 'offline' }),
  });

  function subscribe() {
    disposeSubscription?.();
    const mine = ++generation;
    disposeSubscription = client.subscribe<TData>(
      { query, variables: { ...options.variables, after: state.value.lastCursor } },
      {
        next: (result) => {
          if (mine !== generation) return;
          const cursor = result.data ? options.cursorOf(result.data) : null;
          if (result.data && cursor) {
            if (state.value.seen.has(cursor)) return;
            dispatch({ type: 'event', cursor });
            options.onEvent(result.data);
          } else if (result.errors?.length) dispatch({ type: 'subscriptionError' });
        },
        error: () => {
          if (mine === generation && state.value.connection === 'connected')
            dispatch({ type: 'subscriptionError' });
        },
        complete: () => {},
      },
    );
  }

  const offConnected = client.on('connected', () => {
    const resumed = state.value.everConnected;
    dispatch({ type: 'connected' });
    if (resumed && started) {
      subscribe();
      options.onReconnect?.();
    }
  });
  const offClosed = client.on('closed', () => dispatch({ type: 'closed' }));
  const onOffline = () => dispatch({ type: 'offline' });
  if (typeof window !== 'undefined') window.addEventListener('offline', onOffline);

  let started = false;
  const start = () => {
    started = true;
    subscribe();
  };
  const stopWaiting = options.startAfter
    ? watch(
        options.startAfter,
        (cursor) => {
          if (started || !cursor) return;
          dispatch({ type: 'start', cursor });
          start();
        },
        { immediate: true },
      )
    : (start(), () => {});

  function dispose() {
    stopWaiting();
    generation++;
    disposeSubscription?.();
    offConnected();
    offClosed();
    if (typeof window !== 'undefined') window.removeEventListener('offline', onOffline);
    Promise.resolve(client.dispose()).catch(() => {});
  }
  if (getCurrentInstance()) onBeforeUnmount(dispose);

  return { state: readonly(state) as Readonly<Ref<LiveEventsState>>, dispose };
}
