import pg from 'pg';
import type { Logger } from '../logger.js';
import { LIVE_CHANNEL, type LiveEventMessage } from './publish.js';

export type LiveEventHandler = (event: LiveEventMessage) => void;

/** How often the listener moves its catch-up point forward (and forgets what it no longer needs). */
const ROTATE_EVERY_MS = 30_000;

/** Shown in pg_stat_activity, so operators (and tests) can tell the LISTEN connection apart. */
export const LISTENER_APPLICATION_NAME = 'samverka-live-listener';

/**
 * One LISTEN connection per server instance. After a dropped connection it reconnects and catches up from the
 * event table on every event that committed after a database snapshot taken while it was still listening,
 * whatever its sequence: events of different topics commit out of sequence order, so "after the highest
 * sequence seen" would skip one that committed late with a lower sequence.
 *
 * The catch-up point is the snapshot of one rotation ago, not the latest, so that an event whose notification
 * was still on its way when the connection dropped is caught up too. Duplicates (notified, then caught up
 * again) are told apart per topic: a topic's events commit in sequence order.
 */
export class LiveEventListener {
  private client: pg.Client | null = null;
  /** Snapshots taken on the LISTEN connection, newest last; catch-up starts from the oldest. */
  private snapshots: string[] = [];
  /** Highest sequence delivered per topic, with the rotation it was delivered in; older ones are forgotten. */
  private readonly lastByTopic = new Map<string, { sequence: bigint; rotation: number }>();
  private rotation = 0;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private rotator: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly handle: LiveEventHandler,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: 5000,
      application_name: LISTENER_APPLICATION_NAME,
    });
    client.on('notification', (msg) => {
      if (msg.channel !== LIVE_CHANNEL || !msg.payload) return;
      this.deliver(JSON.parse(msg.payload) as LiveEventMessage);
    });
    client.on('error', (error) => {
      this.log.warn({ err: error.message }, 'live event listener lost its connection');
      this.reconnect();
    });
    client.on('end', () => this.reconnect());
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    // Taken after LISTEN: whatever commits after it is notified; whatever committed before is in the table.
    const now = await this.snapshot(client);
    const since = this.snapshots[0];
    if (since) await this.catchUp(client, since);
    this.client = client;
    this.snapshots = since ? [since, now] : [now];
    this.rotator ??= setInterval(() => void this.rotate(), ROTATE_EVERY_MS);
    this.rotator.unref();
  }

  private async snapshot(client: pg.Client): Promise<string> {
    const { rows } = await client.query<{ snapshot: string }>(
      'select pg_current_snapshot()::text as snapshot',
    );
    return rows[0]!.snapshot;
  }

  private deliver(event: LiveEventMessage): void {
    const sequence = BigInt(event.sequence);
    if (sequence <= (this.lastByTopic.get(event.topic)?.sequence ?? 0n)) return;
    this.lastByTopic.set(event.topic, { sequence, rotation: this.rotation });
    this.handle(event);
  }

  /** Every event that was not yet committed in `since`, in sequence order. */
  private async catchUp(client: pg.Client, since: string): Promise<void> {
    const { rows } = await client.query<LiveEventMessage>(
      `select sequence::text as sequence, topic, kind, subject_id as "subjectId", occurred_at as "occurredAt"
       from live_event
       where xid >= pg_snapshot_xmin($1::pg_snapshot) and not pg_visible_in_snapshot(xid, $1::pg_snapshot)
       order by sequence`,
      [since],
    );
    for (const row of rows) this.deliver({ ...row, occurredAt: new Date(row.occurredAt).toISOString() });
  }

  /**
   * Takes a new snapshot and makes the previous one the catch-up point. Per-topic sequences delivered well
   * before that point are forgotten (one rotation of margin for notifications that arrived while a snapshot
   * was being taken): a catch-up never returns their events again.
   */
  async rotate(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const now = await this.snapshot(client).catch(() => null);
    if (!now || client !== this.client) return;
    this.rotation++;
    this.snapshots = [this.snapshots.at(-1)!, now];
    for (const [topic, last] of this.lastByTopic) {
      if (last.rotation < this.rotation - 2) this.lastByTopic.delete(topic);
    }
  }

  /** Topics whose last sequence is remembered: those of the events of the last few rotations. */
  get rememberedTopics(): number {
    return this.lastByTopic.size;
  }

  private reconnect(): void {
    if (this.stopped || this.retry) return;
    const old = this.client;
    this.client = null;
    old?.removeAllListeners();
    old?.end().catch(() => undefined);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.start().catch((error: Error) => {
        this.log.warn({ err: error.message }, 'live event listener could not reconnect; retrying');
        this.reconnect();
      });
    }, 500);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.rotator) clearInterval(this.rotator);
    const client = this.client;
    this.client = null;
    client?.removeAllListeners();
    await client?.end().catch(() => undefined);
  }
}
