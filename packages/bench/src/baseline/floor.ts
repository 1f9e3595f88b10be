/**
 * The floor: the least a live server can do. Node http + `ws` + one pg LISTEN connection; on each NOTIFY it
 * builds one message (the meeting snapshot read at start, with the notified version and cursor), serialises
 * it once, and writes the same string to every subscribed socket. No GraphQL execution, no SQL per change.
 * It speaks just enough graphql-transport-ws (connection_init/ack, subscribe, ping/pong, complete) for the
 * bench's swarm; no replay, so it takes part in the fan-out figure only.
 *
 * Env: PORT, HOST (127.0.0.1), DATABASE_URL, BASELINE_SEED (optional path to a JSON Seed).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';
import { WebSocket, WebSocketServer } from 'ws';
import {
  CHANNEL,
  createAndSeed,
  loadMeeting,
  MEETING_ID,
  syntheticSeed,
  type EventRow,
  type Seed,
} from './db.js';

const metrics = { graphqlExecutions: 0, sqlStatements: 0, subscribers: 0 };
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const query = (text: string, values?: unknown[]): Promise<pg.QueryResult> => {
  metrics.sqlStatements++;
  return pool.query(text, values);
};

/** Sockets by subscription id: one message string per id, written as is to each of its sockets. */
const watchers = new Map<string, Set<WebSocket>>();

function unsubscribe(socket: WebSocket, id: string): void {
  if (watchers.get(id)?.delete(socket)) metrics.subscribers--;
}

const seed: Seed = process.env.BASELINE_SEED
  ? (JSON.parse(readFileSync(process.env.BASELINE_SEED, 'utf8')) as Seed)
  : syntheticSeed();
const setup = await pool.connect();
try {
  await createAndSeed(setup, seed);
} finally {
  setup.release();
}
const snapshot = await loadMeeting(query, MEETING_ID);
if (!snapshot) throw new Error('the floor found no meeting after seeding');

const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
await listener.connect();
listener.on('notification', (message) => {
  if (message.channel !== CHANNEL || !message.payload) return;
  const event = JSON.parse(message.payload) as EventRow & { version: number };
  const meetingChanged = {
    cursor: event.seq,
    kind: event.kind,
    occurredAt: event.occurredAt,
    meeting: { ...snapshot, version: event.version },
  };
  for (const [id, sockets] of watchers) {
    // Encoded once: ws would otherwise turn a string into bytes again for every socket.
    const bytes = Buffer.from(JSON.stringify({ id, type: 'next', payload: { data: { meetingChanged } } }));
    for (const socket of sockets) socket.send(bytes, { binary: false });
  }
});
await listener.query(`LISTEN ${CHANNEL}`);

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(text);
}

const server = http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/readyz') return send(response, 200, { ready: true });
  if (request.method === 'GET' && request.url === '/metrics') {
    return send(response, 200, { ...metrics, rssBytes: process.memoryUsage().rss });
  }
  send(response, 404, { error: 'not found' });
});

const wss = new WebSocketServer({ server, path: '/graphql', perMessageDeflate: false });
wss.on('connection', (socket) => {
  const ids = new Set<string>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as { type: string; id?: string };
    if (message.type === 'connection_init') socket.send(JSON.stringify({ type: 'connection_ack' }));
    else if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
    else if (message.type === 'subscribe' && message.id && !ids.has(message.id)) {
      ids.add(message.id);
      let sockets = watchers.get(message.id);
      if (!sockets) watchers.set(message.id, (sockets = new Set()));
      sockets.add(socket);
      metrics.subscribers++;
    } else if (message.type === 'complete' && message.id && ids.delete(message.id)) {
      unsubscribe(socket, message.id);
    }
  });
  socket.on('close', () => {
    for (const id of ids) unsubscribe(socket, id);
  });
});

await new Promise<void>((resolve) =>
  server.listen({ port: Number(process.env.PORT ?? 4100), host: process.env.HOST ?? '127.0.0.1' }, resolve),
);
console.error(`floor listening on ${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 4100}`);

const shutdown = (): void => {
  for (const client of wss.clients) client.terminate();
  wss.close();
  server.close();
  void Promise.all([listener.end(), pool.end()]).finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
