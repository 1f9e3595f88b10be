/**
 * The bare baseline: node http + ws + graphql-ws useServer + a buildSchema schema + pg LISTEN and
 * hand-written SQL. No Apollo, no type-graphql, no ORM. Same /graphql path, same subscription
 * shape, same /readyz and /metrics as the Samverka server, so the bench drives both alike.
 *
 * Env: PORT, HOST (127.0.0.1), DATABASE_URL, BASELINE_SEED (optional path to a JSON Seed),
 * BASELINE_FANOUT: `per-subscriber` (default: graphql-ws executes the subscription for every socket)
 * or `shared` (executed once per change and document+variables; graphql-ws still stringifies per socket).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import {
  buildSchema,
  createSourceEventStream,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import pg from 'pg';
import { WebSocketServer } from 'ws';
import {
  CHANNEL,
  createAndSeed,
  loadMeeting,
  OCCURRED_AT,
  syntheticSeed,
  type EventRow,
  type MeetingSnapshot,
  type Seed,
} from './db.js';

const schema = buildSchema(`
  type Forum { name: String! }
  type AgendaItem {
    id: ID! position: Int! title: String! kind: String! presenter: String plannedMinutes: Int!
    status: String! elapsedSeconds: Int! timerStartedAt: String
  }
  type Meeting {
    id: ID! title: String! status: String! version: Int! forum: Forum!
    currentItem: AgendaItem agenda: [AgendaItem!]!
  }
  type MeetingEvent { cursor: String! kind: String! occurredAt: String! meeting: Meeting! }
  type Query { meeting(id: ID!): Meeting }
  type Subscription { meetingChanged(meetingId: ID!, after: String): MeetingEvent! }
`);

const metrics = { graphqlExecutions: 0, sqlStatements: 0, subscribers: 0 };
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const query = (text: string, values?: unknown[]): Promise<pg.QueryResult> => {
  metrics.sqlStatements++;
  return pool.query(text, values);
};

interface MeetingEvent {
  cursor: string;
  kind: string;
  occurredAt: string;
  meeting: MeetingSnapshot;
}

/** A push-fed async iterator: the hub pushes, graphql-js pulls. */
class Feed implements AsyncIterableIterator<{ meetingChanged: MeetingEvent }> {
  private readonly queue: MeetingEvent[] = [];
  private waiting: ((result: IteratorResult<{ meetingChanged: MeetingEvent }>) => void) | null = null;
  private done = false;
  /** While replaying, live events are held back and merged after the replay. */
  held: MeetingEvent[] | null = [];
  lastSeq = 0n;

  constructor(
    readonly meetingId: string,
    private readonly onClose: (feed: Feed) => void,
  ) {}

  live(event: MeetingEvent): void {
    if (this.held) this.held.push(event);
    else this.push(event);
  }

  push(event: MeetingEvent): void {
    const seq = BigInt(event.cursor);
    if (seq <= this.lastSeq || this.done) return;
    this.lastSeq = seq;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: { meetingChanged: event }, done: false });
    } else this.queue.push(event);
  }

  next(): Promise<IteratorResult<{ meetingChanged: MeetingEvent }>> {
    const event = this.queue.shift();
    if (event) return Promise.resolve({ value: { meetingChanged: event }, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<{ meetingChanged: MeetingEvent }>> {
    if (!this.done) {
      this.done = true;
      this.onClose(this);
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** One LISTEN connection; each NOTIFY loads the meeting once and hands it to every feed. */
class Hub {
  private readonly feeds = new Map<string, Set<Feed>>();
  private readonly latest = new Map<string, MeetingSnapshot>();
  private chain: Promise<void> = Promise.resolve();

  async start(): Promise<void> {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    listener.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const payload = JSON.parse(message.payload) as EventRow & { meetingId: string };
      this.chain = this.chain.then(() => this.dispatch(payload)).catch((error) => console.error(error));
    });
    await listener.query(`LISTEN ${CHANNEL}`);
  }

  private async dispatch(payload: EventRow & { meetingId: string }): Promise<void> {
    const feeds = this.feeds.get(payload.meetingId);
    if (!feeds?.size) return;
    const meeting = await loadMeeting(query, payload.meetingId);
    if (!meeting) return;
    this.latest.set(payload.meetingId, meeting);
    const event = { cursor: payload.seq, kind: payload.kind, occurredAt: payload.occurredAt, meeting };
    for (const feed of feeds) feed.live(event);
  }

  async subscribe(meetingId: string, after: string | null): Promise<Feed> {
    const feed = new Feed(meetingId, (closed) => {
      this.feeds.get(meetingId)?.delete(closed);
      metrics.subscribers--;
    });
    metrics.subscribers++;
    let set = this.feeds.get(meetingId);
    if (!set) this.feeds.set(meetingId, (set = new Set()));
    set.add(feed);
    if (after !== null && /^\d+$/.test(after)) {
      feed.lastSeq = BigInt(after);
      const missed = await query(
        `SELECT seq::text AS seq, kind, ${OCCURRED_AT} AS "occurredAt"
           FROM baseline_event WHERE meeting_id = $1 AND seq > $2 ORDER BY seq`,
        [meetingId, after],
      );
      if (missed.rows.length) {
        let meeting = this.latest.get(meetingId);
        if (!meeting) meeting = (await loadMeeting(query, meetingId)) ?? undefined;
        if (meeting) {
          for (const row of missed.rows as EventRow[]) {
            feed.push({ cursor: row.seq, kind: row.kind, occurredAt: row.occurredAt, meeting });
          }
        }
      }
    }
    const held = feed.held ?? [];
    feed.held = null;
    for (const event of held) feed.push(event);
    return feed;
  }
}

const hub = new Hub();

async function meetingJson(id: string): Promise<unknown> {
  const meeting = await loadMeeting(query, id);
  if (!meeting) return null;
  return {
    id: meeting.id,
    title: meeting.title,
    status: meeting.status,
    forum: meeting.forum,
    agenda: meeting.agenda.map(({ id, position, title, kind, presenter, plannedMinutes, status }) => ({
      id,
      position,
      title,
      kind,
      presenter,
      plannedMinutes,
      status,
    })),
  };
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

const server = http.createServer((request, response) => {
  const url = request.url ?? '/';
  if (request.method === 'GET' && url === '/readyz') return send(response, 200, { ready: true });
  if (request.method === 'GET' && url === '/metrics') {
    return send(response, 200, { ...metrics, rssBytes: process.memoryUsage().rss });
  }
  if (request.method === 'POST' && url === '/graphql') {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      metrics.graphqlExecutions++;
      let id: unknown;
      try {
        id = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: { id?: unknown } })
          .variables?.id;
      } catch {
        return send(response, 400, { errors: [{ message: 'bad JSON' }] });
      }
      if (typeof id !== 'string')
        return send(response, 400, { errors: [{ message: 'variables.id required' }] });
      meetingJson(id).then(
        (meeting) => send(response, 200, { data: { meeting } }),
        () => send(response, 500, { errors: [{ message: 'internal error' }] }),
      );
    });
    return;
  }
  send(response, 404, { error: 'not found' });
});

const wss = new WebSocketServer({ server, path: '/graphql' });
const rootSubscription = {
  meetingChanged: (args: { meetingId: string; after?: string | null }) =>
    hub.subscribe(args.meetingId, args.after ?? null),
};
const shared = process.env.BASELINE_FANOUT === 'shared';
const sharedResults = new Map<string, Promise<ExecutionResult>>();

/**
 * Maps the source stream through one cached execution per (event, document, variables but `after`).
 * A hand-written iterator rather than an async generator, so that return() reaches the source at once
 * (a generator suspended in `for await` would only see it after the next event).
 */
function sharedStream(
  args: ExecutionArgs,
  source: AsyncIterableIterator<{ meetingChanged: MeetingEvent }>,
): AsyncIterableIterator<ExecutionResult> {
  const { after: _after, ...variables } = (args.variableValues ?? {}) as Record<string, unknown>;
  const suffix = `\n${args.document.loc?.source.body ?? ''}\n${JSON.stringify(variables)}`;
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const step = await source.next();
      if (step.done) return { value: undefined, done: true };
      const key = step.value.meetingChanged.cursor + suffix;
      // The promise is cached before anything awaits: every feed resumes in the same tick.
      let result = sharedResults.get(key);
      if (!result) {
        metrics.graphqlExecutions++;
        result = Promise.resolve(execute({ ...args, rootValue: step.value }) as ExecutionResult);
        sharedResults.set(key, result);
        if (sharedResults.size > 1000) sharedResults.delete(sharedResults.keys().next().value as string);
      }
      return { value: await result, done: false };
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

useServer(
  {
    schema,
    subscribe: shared
      ? async (args: ExecutionArgs) => {
          const source = await createSourceEventStream({ ...args, rootValue: rootSubscription });
          if (!(Symbol.asyncIterator in source)) return source;
          return sharedStream(args, source as AsyncIterableIterator<{ meetingChanged: MeetingEvent }>);
        }
      : undefined,
    roots: { subscription: rootSubscription },
    onNext: () => {
      if (!shared) metrics.graphqlExecutions++;
    },
  },
  wss,
);

const seed: Seed = process.env.BASELINE_SEED
  ? (JSON.parse(readFileSync(process.env.BASELINE_SEED, 'utf8')) as Seed)
  : syntheticSeed();
const setup = await pool.connect();
try {
  await createAndSeed(setup, seed);
} finally {
  setup.release();
}
await hub.start();
await new Promise<void>((resolve) =>
  server.listen({ port: Number(process.env.PORT ?? 4100), host: process.env.HOST ?? '127.0.0.1' }, resolve),
);
console.error(`baseline listening on ${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 4100}`);

const shutdown = (): void => {
  for (const client of wss.clients) client.terminate();
  wss.close();
  server.close();
  void pool.end().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
