import { readonly, shallowRef, type Ref } from 'vue';
import { createClient, type Client } from 'graphql-ws';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** After this many failed attempts in a row the page says "Frånkopplad" (the socket keeps retrying). */
export const FAILURES_BEFORE_DISCONNECTED = 3;

export interface ConnectionStatus {
  connection: ConnectionState;
  /** Whether a connection has been established at least once. */
  everConnected: boolean;
  failures: number;
}

export type ConnectionEvent = 'connected' | 'closed' | 'offline';

export const initialConnectionStatus = (): ConnectionStatus => ({
  connection: 'connecting',
  everConnected: false,
  failures: 0,
});

/** Pure transitions of what the page shows about the socket. */
export function connectionReducer(status: ConnectionStatus, event: ConnectionEvent): ConnectionStatus {
  switch (event) {
    case 'connected':
      return { connection: 'connected', everConnected: true, failures: 0 };
    case 'closed': {
      const failures = status.connection === 'connected' ? 0 : status.failures + 1;
      const connection: ConnectionState =
        failures >= FAILURES_BEFORE_DISCONNECTED
          ? 'disconnected'
          : status.everConnected
            ? 'reconnecting'
            : status.connection === 'disconnected'
              ? 'disconnected'
              : 'connecting';
      return { ...status, connection, failures };
    }
    case 'offline':
      return { ...status, connection: 'disconnected' };
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

export interface LiveSocket {
  client: Client;
  status: Readonly<Ref<ConnectionStatus>>;
  dispose(): Promise<void>;
}

export interface LiveSocketOptions {
  url: string;
  /** How long to wait before retry number `retries` (0-based); backoff by default. */
  retryDelay?: (retries: number) => number;
}

/** Keeps the socket open this long after the last live view went away, so moving between pages reuses it. */
const LINGER_MS = 5000;

/**
 * One graphql-ws connection. It opens with the first subscription and closes a while after the last one
 * (lazy). Every close that is not a protocol error is retried for ever with backoff: graphql-ws 6 treats
 * 1001 (server shutting down), 1012 (service restart) and 1013 (try again later) as retryable, and on
 * each retry re-sends every active subscription's payload as it is then, so a cursor kept in the payload
 * is where the subscription resumes.
 */
export function createLiveSocket(options: LiveSocketOptions): LiveSocket {
  const status = shallowRef(initialConnectionStatus());
  const delay = options.retryDelay ?? retryDelayMs;
  const client = createClient({
    url: options.url,
    lazy: true,
    lazyCloseTimeout: LINGER_MS,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, delay(retries))),
  });
  const report = (event: ConnectionEvent) => {
    status.value = connectionReducer(status.value, event);
  };
  // The browser's "offline" says nothing about this socket: a short blip often leaves it open, and then no
  // "connected" follows. So an acknowledged socket that is heard from (an update, the server's ping) or is
  // still open when the browser is back online is connected again.
  let acknowledged = false;
  const alive = () => {
    if (acknowledged && status.value.connection !== 'connected') report('connected');
  };
  const offs = [
    client.on('connected', () => {
      acknowledged = true;
      report('connected');
    }),
    client.on('closed', () => {
      acknowledged = false;
      report('closed');
    }),
    client.on('message', alive),
  ];
  const onOffline = () => report('offline');
  if (typeof window !== 'undefined') {
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', alive);
  }
  return {
    client,
    status: readonly(status) as Readonly<Ref<ConnectionStatus>>,
    async dispose() {
      for (const off of offs) off();
      if (typeof window !== 'undefined') {
        window.removeEventListener('offline', onOffline);
        window.removeEventListener('online', alive);
      }
      await client.dispose();
    },
  };
}

let tabSocket: LiveSocket | null = null;

/** The tab's one live socket, shared by every live view on the page; made when a view first needs it. */
export function tabLiveSocket(): LiveSocket {
  tabSocket ??= createLiveSocket({ url: liveUrl() });
  return tabSocket;
}

/** Closes the tab's socket (tests start each from a fresh one). */
export async function closeTabLiveSocket(): Promise<void> {
  const socket = tabSocket;
  tabSocket = null;
  await socket?.dispose();
}
