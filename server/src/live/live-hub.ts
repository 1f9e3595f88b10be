import { execute, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import type { Viewer } from '../graphql/context.js';
import { AsyncQueue } from './async-queue.js';
import { Coalescer } from './coalesce.js';
import { formatResult } from '../graphql/mask-errors.js';
import { liveCursor, liveSnapshot } from './live-cursor.js';
import type { LiveEventMessage } from './publish.js';

/** The kind of the one event a subscriber gets instead of a replay that cannot be given in full. */
export const RESYNC = 'RESYNC';

/** At most this many missed events are replayed; past it, the subscriber gets the state now (RESYNC). */
export const REPLAY_LIMIT = 1000;

/** What a subscription may watch, and what of the viewer decides its payload. */
export interface LiveAccess {
  topic: string;
  /** What the events of the topic are about (a meeting's id, a party's id); null when nothing in particular. */
  subjectId: string | null;
  /** The viewer's role toward the subject, as far as the subject's viewer-dependent fields go (audience.ts). */
  role: string;
}

/** A subscription field served by the hub: executed once per change and audience, whoever watches. */
export interface LiveField<Root = unknown> {
  fieldName: string;
  /** The GraphQL type of the subject, whose role-dependent fields the `role` of `open` decides. */
  subjectType: string | null;
  /** Checks, when the subscription starts, that the viewer may watch. Throws GraphQLError. */
  open(em: EntityManager, viewer: Viewer | null, args: Record<string, unknown>): Promise<LiveAccess>;
  /** Loads what an event shows; called once per event, shared by every audience. Null skips the event. */
  rootFor(em: EntityManager, event: LiveEventMessage): Promise<Root | null>;
}

/** What the subscribers of one group share: they are given the same answer, executed once. */
export interface LiveAudience {
  field: LiveField;
  topic: string;
  subjectId: string | null;
  /** The query text, variables without `after`, and what of the viewer decides the payload (audience.ts). */
  key: string;
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues: Record<string, unknown>;
  /** Any viewer of the audience: the answer is the same for each of them. */
  viewer: Viewer | null;
  /** The payload selects a live cursor, so a database snapshot is taken before its state is loaded. */
  selectsCursor: boolean;
}

export interface LiveSubscription extends LiveAudience {
  /** Sequence after which to replay recorded events before going live. */
  after: bigint | null;
  /** Writes a `next` payload, serialized once for all subscribers, straight to this subscriber's socket. */
  write(payloadJson: string): void;
}

export const liveMetrics = { executions: 0, subscribers: 0, resyncs: 0 };

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
  /** Below every cursor, so that a RESYNC to cursor 0 (a topic without events yet) is delivered. */
  private last = -1n;
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

/** Subscribers given the same answer. It keeps what they share, never anything of one subscriber. */
class Group {
  readonly subscribers = new Set<Subscriber>();
  constructor(readonly audience: LiveAudience) {}
}

/** A watched topic. Dropped when its last subscriber leaves, so memory follows what is watched now. */
class Topic {
  readonly groups = new Map<string, Group>();
  constructor(
    /** Changes with every event received for the topic. Replays share queries only within one generation, so
     * a subscriber that joins after an event was received never reuses a query answered before that event. */
    public generation: number,
  ) {}
}

interface EventRow {
  sequence: string;
  topic: string;
  kind: string;
  subject_id: string | null;
  occurred_at: Date;
}

/** What a replay gives: every missed event, or, when that cannot be, the state now. */
type ReplayPlan = { events: LiveEventMessage[] } | { resync: true };

export class LiveHub {
  private readonly topics = new Map<string, Topic>();
  /** Source of generations, unique over the hub's life, so a topic watched again never meets an old one. */
  private generations = 0;
  private queue: Promise<void> = Promise.resolve();
  private readonly replayPlans = new Coalescer<ReplayPlan>(10_000);
  private readonly replayResults = new Coalescer<Delivery | null>(10_000);

  constructor(
    private readonly orm: MikroORM,
    private readonly log: Logger,
  ) {}

  /** Registers a subscriber; it first receives what it missed after `after`, in order, then live changes. */
  subscribe(spec: LiveSubscription): AsyncGenerator<ExecutionResult, void, unknown> {
    const { after, write, ...audience } = spec;
    let topic = this.topics.get(spec.topic);
    if (!topic) this.topics.set(spec.topic, (topic = new Topic(++this.generations)));
    let group = topic.groups.get(spec.key);
    if (!group) topic.groups.set(spec.key, (group = new Group(audience)));
    const [joinedTopic, joined] = [topic, group];
    const subscriber = new Subscriber(write, () => {
      joined.subscribers.delete(subscriber);
      liveMetrics.subscribers--;
      if (joined.subscribers.size === 0 && joinedTopic.groups.get(spec.key) === joined)
        joinedTopic.groups.delete(spec.key);
      if (joinedTopic.groups.size === 0 && this.topics.get(spec.topic) === joinedTopic)
        this.topics.delete(spec.topic);
    });
    joined.subscribers.add(subscriber);
    liveMetrics.subscribers++;
    if (after === null) subscriber.goLive([]);
    else
      this.replay(joined.audience, after, topic.generation).then(
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
    const topic = this.topics.get(event.topic);
    if (!topic) return;
    topic.generation = ++this.generations;
    this.queue = this.queue
      .then(() => this.deliver(event))
      .catch((error: Error) => this.log.error({ err: error.message, event }, 'live event delivery failed'));
  }

  get subscriberCount(): number {
    return liveMetrics.subscribers;
  }

  /** Topics and groups held: both follow what is watched now, not what was ever watched. */
  get size(): { topics: number; groups: number } {
    let groups = 0;
    for (const topic of this.topics.values()) groups += topic.groups.size;
    return { topics: this.topics.size, groups };
  }

  private async deliver(event: LiveEventMessage): Promise<void> {
    const groups = [...(this.topics.get(event.topic)?.groups.values() ?? [])];
    if (!groups.length) return;
    const em = this.orm.em.fork();
    const snapshot = groups.some((group) => group.audience.selectsCursor)
      ? await liveSnapshot(em)
      : undefined;
    const roots = new Map<LiveField, unknown>();
    const sequence = BigInt(event.sequence);
    for (const group of groups) {
      const { field } = group.audience;
      if (!roots.has(field)) roots.set(field, await field.rootFor(em, event));
      const root = roots.get(field);
      if (root === null) continue;
      const payloadJson = await this.run(group.audience, em, root, snapshot);
      await writeInSlices([...group.subscribers], (subscriber) => subscriber.deliver(sequence, payloadJson));
    }
  }

  /** Executes and serializes once; the result goes to every subscriber of the group. */
  private async run(audience: LiveAudience, em: EntityManager, root: unknown, snapshot?: string) {
    liveMetrics.executions++;
    const result = await execute({
      schema: audience.schema,
      document: audience.document,
      operationName: audience.operationName,
      variableValues: audience.variableValues,
      contextValue: { em, viewer: audience.viewer, liveSnapshot: snapshot },
      rootValue: root,
    });
    return JSON.stringify(formatResult(result));
  }

  private async replay(audience: LiveAudience, after: bigint, generation: number): Promise<Delivery[]> {
    const plan = await this.replayPlans.get(`${audience.topic}:${after}:${generation}`, () =>
      this.planReplay(audience.topic, after),
    );
    const em = this.orm.em.fork();
    if ('resync' in plan) {
      const resync = await this.replayResults.get(`${audience.key}:${RESYNC}:${generation}`, () =>
        this.resync(audience, em),
      );
      return resync ? [resync] : [];
    }
    const snapshot = audience.selectsCursor ? await liveSnapshot(em) : undefined;
    const replayed: Delivery[] = [];
    for (const event of plan.events) {
      const delivery = await this.replayResults.get(
        `${audience.key}:${event.sequence}:${generation}`,
        async () => {
          const root = await audience.field.rootFor(em, event);
          if (root === null) return null;
          return {
            sequence: BigInt(event.sequence),
            payloadJson: await this.run(audience, em, root, snapshot),
          };
        },
      );
      if (delivery) replayed.push(delivery);
    }
    return replayed;
  }

  /**
   * The events after the cursor, or RESYNC when they cannot all be given: more than REPLAY_LIMIT, some pruned
   * (the cursor is older than the pruning horizon), or a cursor the log never reached.
   */
  private async planReplay(topic: string, after: bigint): Promise<ReplayPlan> {
    const connection = this.orm.em.fork().getConnection();
    const [log] = await connection.execute<{ pruned_through: string; newest: string }[]>(
      `select pruned_through::text as pruned_through,
              greatest(pruned_through, (select coalesce(max(sequence), 0) from live_event))::text as newest
         from live_event_horizon`,
    );
    if (!log || after < BigInt(log.pruned_through) || after > BigInt(log.newest)) return { resync: true };
    const rows = await connection.execute<EventRow[]>(
      'select sequence, topic, kind, subject_id, occurred_at from live_event where topic = ? and sequence > ? order by sequence limit ?',
      [topic, after.toString(), REPLAY_LIMIT + 1],
    );
    if (rows.length > REPLAY_LIMIT) return { resync: true };
    return {
      events: rows.map((row) => ({
        sequence: String(row.sequence),
        topic: row.topic,
        kind: row.kind,
        subjectId: row.subject_id,
        occurredAt: new Date(row.occurred_at).toISOString(),
      })),
    };
  }

  /** The state now, with the topic's newest sequence in the snapshot taken before it: nothing after is missed. */
  private async resync(audience: LiveAudience, em: EntityManager): Promise<Delivery | null> {
    const snapshot = await liveSnapshot(em);
    const cursor = await liveCursor({ em, liveSnapshot: snapshot }, audience.topic);
    const root = await audience.field.rootFor(em, {
      sequence: cursor,
      topic: audience.topic,
      kind: RESYNC,
      subjectId: audience.subjectId,
      occurredAt: new Date().toISOString(),
    });
    if (root === null) return null;
    liveMetrics.resyncs++;
    return { sequence: BigInt(cursor), payloadJson: await this.run(audience, em, root, snapshot) };
  }
}
