import pg from 'pg';
import type { Logger } from '../logger.js';
import { LIVE_CHANNEL, type LiveEventMessage } from './publish.js';

export type LiveEventHandler = (event: LiveEventMessage) => void;

/**
 * One LISTEN connection per server instance. After a dropped connection it reconnects and replays from the
 * event table whatever was recorded since the last event it saw, so no instance silently misses a change.
 */
export class LiveEventListener {
  private client: pg.Client | null = null;
  /** Highest sequence seen overall: where a catch-up after a reconnect starts. */
  private lastSequence = 0n;
  /** Highest sequence per topic: events of one topic commit in order (their writers lock the same row), while
   * events of different topics may commit out of sequence order, so duplicates are told apart per topic. */
  private readonly lastByTopic = new Map<string, bigint>();
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly handle: LiveEventHandler,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5000 });
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
    if (this.lastSequence === 0n) {
      const { rows } = await client.query<{ max: string | null }>(
        'select max(sequence)::text as max from live_event',
      );
      this.lastSequence = BigInt(rows[0]?.max ?? 0);
    }
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    this.client = client;
    await this.catchUp(client);
  }

  private deliver(event: LiveEventMessage): void {
    const sequence = BigInt(event.sequence);
    if (sequence <= (this.lastByTopic.get(event.topic) ?? 0n)) return;
    this.lastByTopic.set(event.topic, sequence);
    if (sequence > this.lastSequence) this.lastSequence = sequence;
    this.handle(event);
  }

  private async catchUp(client: pg.Client): Promise<void> {
    const { rows } = await client.query<LiveEventMessage>(
      `select sequence::text as sequence, topic, kind, subject_id as "subjectId", occurred_at as "occurredAt"
       from live_event where sequence > $1 order by sequence`,
      [this.lastSequence.toString()],
    );
    for (const row of rows) this.deliver({ ...row, occurredAt: new Date(row.occurredAt).toISOString() });
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
    const client = this.client;
    this.client = null;
    client?.removeAllListeners();
    await client?.end().catch(() => undefined);
  }
}
