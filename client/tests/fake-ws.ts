import type { Client, ClientOptions, Sink } from 'graphql-ws';

/** A stand-in for graphql-ws's client that records subscriptions and lets a test emit socket events. */
export function fakeWsClient() {
  const listeners: Record<string, ((...args: unknown[]) => void)[]> = {};
  const subscriptions: { variables: Record<string, unknown>; sink: Sink; disposed: boolean }[] = [];
  let disposed = false;
  const client = {
    on: (event: string, listener: (...args: unknown[]) => void) => {
      (listeners[event] ??= []).push(listener);
      return () => {
        listeners[event] = (listeners[event] ?? []).filter((l) => l !== listener);
      };
    },
    subscribe: (payload: { variables: Record<string, unknown> }, sink: Sink) => {
      const sub = { variables: payload.variables, sink, disposed: false };
      subscriptions.push(sub);
      return () => {
        sub.disposed = true;
      };
    },
    dispose: () => {
      disposed = true;
    },
  } as unknown as Client;
  return {
    factory: (_options: ClientOptions) => client,
    emit: (event: string) => (listeners[event] ?? []).forEach((l) => l()),
    subscriptions,
    /** The subscription currently live (the last one not disposed). */
    current: () => subscriptions.filter((s) => !s.disposed).at(-1),
    disposed: () => disposed,
  };
}
