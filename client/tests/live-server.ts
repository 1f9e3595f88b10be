import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';

// graphql-ws's server loads graphql's CommonJS build; the schema must come from the same copy.
const { buildSchema } = createRequire(__filename)('graphql') as typeof import('graphql');

type LiveField = 'meetingChanged' | 'accessionChanged' | 'coordinatorQueueChanged';

interface Listener {
  topic: string;
  push: (payload: unknown) => void;
}

export interface RecordedSubscribe {
  field: LiveField;
  variables: Record<string, unknown>;
}

/**
 * A real graphql-ws server on a real socket, speaking the project's printed schema, that replays a
 * topic's events after the `after` a subscription sends (as the live hub does). A test publishes events,
 * closes sockets with a code, and reads what each subscribe asked for. Given a port (of a server that was
 * closed), it starts again there, as a restarted server would.
 */
export async function startLiveServer(port = 0) {
  const schema = buildSchema(readFileSync(resolve(__dirname, '../../schema/schema.graphql'), 'utf8'));
  const wss = new WebSocketServer({ host: '127.0.0.1', port, path: '/graphql' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const history = new Map<string, { cursor: string; payload: Record<string, unknown> }[]>();
  const listeners = new Set<Listener>();
  const subscribes: RecordedSubscribe[] = [];
  let connections = 0;
  let sequence = 0;

  function follow(field: LiveField, topic: string) {
    return (args: Record<string, unknown>) => {
      subscribes.push({ field, variables: args });
      const queue: unknown[] = (history.get(topic) ?? [])
        .filter((event) => BigInt(event.cursor) > BigInt((args.after as string | null) ?? '0'))
        .map((event) => ({ [field]: event.payload }));
      let wake: (() => void) | null = null;
      const listener: Listener = {
        topic,
        push: (payload) => {
          queue.push({ [field]: payload });
          wake?.();
        },
      };
      listeners.add(listener);
      return (async function* () {
        try {
          for (;;) {
            while (queue.length) yield queue.shift();
            await new Promise<void>((resolve) => (wake = resolve));
          }
        } finally {
          listeners.delete(listener);
        }
      })();
    };
  }

  const roots = {
    subscription: {
      meetingChanged: (args: Record<string, unknown>) =>
        follow('meetingChanged', `meeting:${args.meetingId}`)(args),
      accessionChanged: (args: Record<string, unknown>) =>
        follow('accessionChanged', `party:${args.partyId}`)(args),
      coordinatorQueueChanged: (args: Record<string, unknown>) =>
        follow('coordinatorQueueChanged', 'coordinator')(args),
    },
  };
  const server = useServer({ schema, roots }, wss);
  wss.on('connection', () => connections++);

  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/graphql`,
    subscribes,
    /** How many sockets were ever opened. */
    connections: () => connections,
    openSockets: () => [...wss.clients].filter((socket) => socket.readyState === socket.OPEN).length,
    /** Records an event on the topic with the next cursor and sends it to the topic's subscribers. */
    publish(topic: string, event: (cursor: string) => Record<string, unknown>): string {
      const cursor = String(++sequence);
      const payload = event(cursor);
      const events = history.get(topic) ?? [];
      events.push({ cursor, payload });
      history.set(topic, events);
      for (const listener of listeners) if (listener.topic === topic) listener.push(payload);
      return cursor;
    },
    /** Sends one event to the topic's subscribers without recording it (a RESYNC, for instance). */
    send(topic: string, payload: Record<string, unknown>) {
      for (const listener of listeners) if (listener.topic === topic) listener.push(payload);
    },
    closeAll(code: number) {
      for (const socket of wss.clients as Set<WebSocket>) socket.close(code, 'test');
    },
    async close() {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

export type LiveServer = Awaited<ReturnType<typeof startLiveServer>>;
