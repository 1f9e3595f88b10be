import { getCurrentInstance, onBeforeUnmount, readonly, shallowRef, type Ref } from 'vue';
import { print } from 'graphql';
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import {
  LiveMeetingChangedDocument,
  type LiveMeetingChangedSubscription,
  type LiveMeetingFragment,
} from '../../gql/graphql';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** After this many failed attempts in a row the view says "Frånkopplad" (it keeps retrying). */
export const FAILURES_BEFORE_DISCONNECTED = 3;

export interface LiveState {
  meeting: LiveMeetingFragment | null;
  /** Cursor of the last event applied; sent as `after` when (re)subscribing. */
  lastCursor: string | null;
  /** Every cursor applied, so a replayed event is never applied twice. */
  seen: ReadonlySet<string>;
  connection: ConnectionState;
  /** Whether a connection has been established at least once. */
  everConnected: boolean;
  failures: number;
  /** A subscription error (e.g. the meeting does not exist or may not be seen). */
  failed: boolean;
}

export type LiveAction =
  | { type: 'initial'; meeting: LiveMeetingFragment }
  | { type: 'event'; cursor: string; meeting: LiveMeetingFragment }
  | { type: 'connected' }
  | { type: 'closed' }
  | { type: 'offline' }
  | { type: 'gaveUp' }
  | { type: 'subscriptionError' };

export function initialLiveState(): LiveState {
  return {
    meeting: null,
    lastCursor: null,
    seen: new Set(),
    connection: 'connecting',
    everConnected: false,
    failures: 0,
    failed: false,
  };
}

/** Pure state transitions of the live view; the composable feeds it from the socket and the HTTP query. */
export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case 'initial': {
      // The snapshot's liveCursor is where the subscription resumes, so nothing after the query is missed.
      const lastCursor = state.lastCursor ?? action.meeting.liveCursor;
      // The HTTP snapshot may arrive after live events; keep whichever is newer.
      if (state.meeting && state.meeting.version >= action.meeting.version) return { ...state, lastCursor };
      return { ...state, meeting: action.meeting, lastCursor };
    }
    case 'event': {
      if (state.seen.has(action.cursor)) return state;
      const seen = new Set(state.seen);
      seen.add(action.cursor);
      return { ...state, meeting: action.meeting, lastCursor: action.cursor, seen };
    }
    case 'connected':
      return { ...state, connection: 'connected', everConnected: true, failures: 0 };
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
    case 'gaveUp':
      return { ...state, connection: 'disconnected' };
    case 'subscriptionError':
      return { ...state, failed: true };
  }
}

/** ws(s)://<host>/graphql for the page's own origin, so the dev proxy and production behave alike. */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

/** Exponential backoff with jitter, capped around three seconds. */
export function retryDelayMs(retries: number): number {
  return Math.min(3000, 250 * 2 ** retries) + Math.floor(Math.random() * 250);
}

export interface LiveMeeting {
  state: Readonly<Ref<LiveState>>;
  /** Seed the view with the HTTP query's result and subscribe from its liveCursor. */
  seed(meeting: LiveMeetingFragment): void;
  /** Subscribe without a snapshot (e.g. the HTTP query failed): live events only. */
  start(): void;
  dispose(): void;
}

type ClientFactory = (options: ClientOptions) => Client;

/**
 * Live meeting state over graphql-ws (not Apollo). The socket opens at once (lazy: false) so the
 * connection state shows early; the subscription to meetingChanged starts once the HTTP snapshot has
 * arrived, with `after: meeting.liveCursor`, and is resumed after a dropped connection with
 * `after: lastCursor`, so nothing is missed; replayed events are skipped by cursor.
 */
export function useLiveMeeting(
  meetingId: string,
  options: { url?: string; factory?: ClientFactory } = {},
): LiveMeeting {
  const state = shallowRef<LiveState>(initialLiveState());
  const dispatch = (action: LiveAction) => {
    state.value = liveReducer(state.value, action);
  };

  const query = print(LiveMeetingChangedDocument);
  let disposeSubscription: (() => void) | null = null;
  let generation = 0;
  let started = false;

  const client = (options.factory ?? createClient)({
    url: options.url ?? liveUrl(),
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
    onNonLazyError: () => dispatch({ type: 'gaveUp' }),
  });

  function subscribe() {
    disposeSubscription?.();
    const mine = ++generation;
    disposeSubscription = client.subscribe<LiveMeetingChangedSubscription>(
      { query, variables: { meetingId, after: state.value.lastCursor } },
      {
        next: (result) => {
          if (mine !== generation) return;
          const event = result.data?.meetingChanged;
          if (event) dispatch({ type: 'event', cursor: event.cursor, meeting: event.meeting });
          else if (result.errors?.length) dispatch({ type: 'subscriptionError' });
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
    // After a drop, start again from the last cursor we applied (graphql-ws would otherwise resend
    // the original `after` and replay everything since the page opened).
    if (resumed && started) subscribe();
  });
  const offClosed = client.on('closed', () => dispatch({ type: 'closed' }));

  function start() {
    if (started) return;
    started = true;
    subscribe();
  }

  const onOffline = () => dispatch({ type: 'offline' });
  if (typeof window !== 'undefined') window.addEventListener('offline', onOffline);

  function dispose() {
    generation++;
    disposeSubscription?.();
    offConnected();
    offClosed();
    if (typeof window !== 'undefined') window.removeEventListener('offline', onOffline);
    // dispose() rejects when the socket never connected (e.g. the server is down); nothing to report then.
    Promise.resolve(client.dispose()).catch(() => {});
  }

  if (getCurrentInstance()) onBeforeUnmount(dispose);

  return {
    state: readonly(state) as Readonly<Ref<LiveState>>,
    seed: (meeting) => {
      dispatch({ type: 'initial', meeting });
      start();
    },
    start,
    dispose,
  };
}
