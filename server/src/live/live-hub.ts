import { execute, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import type { Viewer } from '../graphql/context.js';
import { AsyncQueue } from './async-queue.js';
import { Coalescer } from './coalesce.js';
import { formatResult } from '../graphql/mask-errors.js';
import type { LiveEventMessage } from './publish.js';

/** A subscription field served by the hub: executed once per change and audience, whoever watches. */
export interface LiveField<Root = unknown> {
  fieldName: string;
  /** Checks, when the subscription starts, that the viewer may watch; returns the topic. Throws GraphQLError. */
  open(em: EntityManager, viewer: Viewer | null, args: Record<string, unknown>): Promise<string>;
  /** Loads what an event shows; called once per event, shared by every audience. Null skips the event. */
  rootFor(em: EntityManager, event: LiveEventMessage): Promise<Root | null>;
}

export interface LiveSubscription {
  field: LiveField;
  topic: string;
  /** The query text, variables without `after`, and the audience: subscribers equal in these share results. */
  key: string;
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues: Record<string, unknown>;
  viewer: Viewer | null;
  /** Sequence after which to replay recorded events before going live. */
  after: bigint | null;
  /** Writes a `next` payload, serialized once for all subscribers, straight to this subscriber's socket. */
  write(payloadJson: string): void;
}

export const liveMetrics = { executions: 0, subscribers: 0 };

/** Sockets written between two turns of the event loop, so HTTP requests (the chair's) are not held up. */
const SLICE = 1000;

async function writeInSlices<T>(items: T[], write: (item: T) => void): Promise<void> {
  for (let start = 0; start < items.length; start += SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const item of items.slice(start, start + SLICE)) write(item);
  }
}

/**
 * One watcher. Its messages bypass graphql-ws's per-subscriber iteration: the payload serialized once per
 * change is written directly to the socket. The queue only keeps graphql-ws's bookkeeping (complete, close).
 */
class Subscriber {
  readonly queue: AsyncQueue<ExecutionResult>;
  private last = 0n;
  private buffer: Delivery[] | null = [];

  constructor(
    private readonly write: (payloadJson: string) => void,
    onEnd: () => void,
  ) {
    this.queue = new AsyncQueue(onEnd);
  }

  deliver(sequence: bigint, payloadJson: string): void {
    if (this.buffer) this.buffer.push({ sequence, payloadJson });
    else if (sequence > this.last) {
      this.last = sequence;
      this.write(payloadJson);
    }
  }

  /** Ends the replay: what arrived live meanwhile follows, without what the replay already gave. */
  goLive(replayed: Delivery[]): void {
    const live = this.buffer ?? [];
    this.buffer = null;
    for (const { sequence, payloadJson } of [...replayed, ...live]) this.deliver(sequence, payloadJson);
  }
}

interface Delivery {
  sequence: bigint;
  payloadJson: string;
}

class Group {
  readonly subscribers = new Set<Subscriber>();
  constructor(readonly spec: LiveSubscription) {}
}

interface EventRow {
  sequence: string;
  topic: string;
  kind: string;
  subject_id: string | null;
  occurred_at: Date;
}

export class LiveHub {
  private readonly topics = new Map<string, Map<string, Group>>();
  private queue: Promise<void> = Promise.resolve();
  /** Counts events received per topic. Replays share queries only within one generation, so a subscriber
   * that joins after an event was received never reuses a query that was answered before that event. */
  private readonly generations = new Map<string, number>();
  private readonly replayRows = new Coalescer<EventRow[]>(10_000);
  private readonly replayResults = new Coalescer<string | null>(10_000);

  constructor(
    private readonly orm: MikroORM,
    private readonly log: Logger,
  ) {}

  /** Registers a subscriber; it first receives what it missed after `after`, in order, then live changes. */
  subscribe(spec: LiveSubscription): AsyncGenerator<ExecutionResult, void, unknown> {
    let groups = this.topics.get(spec.topic);
    if (!groups) this.topics.set(spec.topic, (groups = new Map()));
    let group = groups.get(spec.key);
    if (!group) groups.set(spec.key, (group = new Group(spec)));
    const joined = group;
    const subscriber = new Subscriber(spec.write, () => {
      joined.subscribers.delete(subscriber);
      liveMetrics.subscribers--;
      if (joined.subscribers.size === 0 && groups.get(spec.key) === joined) groups.delete(spec.key);
      if (groups.size === 0 && this.topics.get(spec.topic) === groups) this.topics.delete(spec.topic);
    });
    joined.subscribers.add(subscriber);
    liveMetrics.subscribers++;
    if (spec.after === null) subscriber.goLive([]);
    else
      this.replay(joined, spec.after, this.generations.get(spec.topic) ?? 0).then(
        (replayed) => subscriber.goLive(replayed),
        (error: Error) => {
          this.log.error({ err: error.message }, 'replay failed');
          void subscriber.queue.return();
        },
      );
    return subscriber.queue;
  }

  /** Hands an event to its topic's subscribers; events are handled one at a time, in arrival order. */
  dispatch(event: LiveEventMessage): void {
    this.generations.set(event.topic, (this.generations.get(event.topic) ?? 0) + 1);
    if (!this.topics.has(event.topic)) return;
    this.queue = this.queue
      .then(() => this.deliver(event))
      .catch((error: Error) => this.log.error({ err: error.message, event }, 'live event delivery failed'));
  }

  get subscriberCount(): number {
    return liveMetrics.subscribers;
  }

  private async deliver(event: LiveEventMessage): Promise<void> {
    const groups = this.topics.get(event.topic);
    if (!groups?.size) return;
    const em = this.orm.em.fork();
    const roots = new Map<LiveField, unknown>();
    const sequence = BigInt(event.sequence);
    for (const group of [...groups.values()]) {
      const { field } = group.spec;
      if (!roots.has(field)) roots.set(field, await field.rootFor(em, event));
      const root = roots.get(field);
      if (root === null) continue;
      const payloadJson = await this.run(group.spec, em, root);
      await writeInSlices([...group.subscribers], (subscriber) => subscriber.deliver(sequence, payloadJson));
    }
  }

  /** Executes and serializes once; the result goes to every subscriber of the group. */
  private async run(spec: LiveSubscription, em: EntityManager, root: unknown): Promise<string> {
    liveMetrics.executions++;
    const result = await execute({
      schema: spec.schema,
      document: spec.document,
      operationName: spec.operationName,
      variableValues: spec.variableValues,
      contextValue: { em, viewer: spec.viewer },
      rootValue: root,
    });
    return JSON.stringify(formatResult(result));
  }

  private async replay(group: Group, after: bigint, generation: number) {
    const { spec } = group;
    const rows = await this.replayRows.get(`${spec.topic}:${after}:${generation}`, () =>
      this.orm.em
        .fork()
        .getConnection()
        .execute<EventRow[]>(
          'select sequence, topic, kind, subject_id, occurred_at from live_event where topic = ? and sequence > ? order by sequence limit 1000',
          [spec.topic, after.toString()],
        ),
    );
    const em = this.orm.em.fork();
    const replayed: Delivery[] = [];
    for (const row of rows) {
      const event: LiveEventMessage = {
        sequence: String(row.sequence),
        topic: row.topic,
        kind: row.kind,
        subjectId: row.subject_id,
        occurredAt: new Date(row.occurred_at).toISOString(),
      };
      const payloadJson = await this.replayResults.get(
        `${spec.key}:${event.sequence}:${generation}`,
        async () => {
          const root = await spec.field.rootFor(em, event);
          return root === null ? null : this.run(spec, em, root);
        },
      );
      if (payloadJson) replayed.push({ sequence: BigInt(event.sequence), payloadJson });
    }
    return replayed;
  }
}
