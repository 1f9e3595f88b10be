import WebSocket from 'ws';
import { log } from './log.js';
import { sleep } from './procs.js';

/** The subscription every client runs (the public live agenda). */
export const MEETING_CHANGED = `subscription MeetingChanged($id: ID!, $after: String) {
  meetingChanged(meetingId: $id, after: $after) {
    cursor kind occurredAt
    meeting {
      id version status
      currentItem { id title }
      agenda { id position title status elapsedSeconds timerStartedAt plannedMinutes }
    }
  }
}`;

/** Who a client is (its session cookie, or none) and what it subscribes to. */
export interface SwarmViewer {
  cookie: string | null;
  query: string;
}

export const SIGNED_OUT: SwarmViewer = { cookie: null, query: MEETING_CHANGED };

const CURSOR = Buffer.from('"cursor":"');
const VERSION = Buffer.from('"version":');
const NEXT = Buffer.from('"type":"next"');
const ERRORS = Buffer.from('"errors":');

/** Reads a non-negative integer that starts at `offset` of `buffer`. */
function readInt(buffer: Buffer, offset: number): number {
  let value = 0;
  let i = offset;
  while (buffer[i] === 0x20) i++;
  const start = i;
  for (; i < buffer.length; i++) {
    const c = buffer[i] ?? 0;
    if (c < 0x30 || c > 0x39) break;
    value = value * 10 + (c - 0x30);
  }
  return i === start ? -1 : value;
}

export interface Received {
  client: number;
  cursor: string;
  version: number;
  at: number;
  duplicate: boolean;
}

/**
 * One signed-out subscriber speaking graphql-transport-ws over a raw `ws` socket. Raw instead of
 * graphql-ws's createClient keeps thousands of sockets cheap, and lets us timestamp the frame
 * before anything is parsed: only the cursor and meeting.version are cut out of the bytes.
 */
class Subscriber {
  socket: WebSocket | null = null;
  lastCursor: string | null = null;
  readonly seen = new Set<string>();
  subscribed = false;
  closed = true;

  constructor(
    readonly index: number,
    private readonly swarm: Swarm,
    private readonly viewer: SwarmViewer,
  ) {}

  connect(url: string, meetingId: string, after: string | null): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, 'graphql-transport-ws', {
        perMessageDeflate: false,
        handshakeTimeout: 60_000,
        headers: this.viewer.cookie ? { cookie: this.viewer.cookie } : {},
      });
      this.socket = socket;
      this.closed = false;
      this.subscribed = false;
      let settled = false;
      const fail = (error: Error): void => {
        if (!settled) {
          settled = true;
          reject(error);
        }
      };
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
      socket.on('message', (data: Buffer, isBinary: boolean) => {
        const at = performance.now();
        if (isBinary) return;
        if (data.includes(NEXT)) {
          this.onNext(data, at);
          return;
        }
        const message = JSON.parse(data.toString('utf8')) as { type: string; payload?: unknown };
        switch (message.type) {
          case 'connection_ack':
            socket.send(
              JSON.stringify({
                id: '1',
                type: 'subscribe',
                payload: { query: this.viewer.query, variables: { id: meetingId, after } },
              }),
            );
            this.subscribed = true;
            if (!settled) {
              settled = true;
              resolve();
            }
            break;
          case 'ping':
            socket.send(JSON.stringify({ type: 'pong' }));
            break;
          case 'error':
          case 'complete':
            this.swarm.protocolError(
              this.index,
              `${message.type}: ${JSON.stringify(message.payload ?? null)}`,
            );
            break;
          default:
            break;
        }
      });
      socket.on('error', (error) => {
        this.swarm.socketErrors++;
        fail(error);
      });
      socket.on('close', (code, reason) => {
        this.closed = true;
        this.subscribed = false;
        if (!this.swarm.closing) {
          this.swarm.unexpectedCloses++;
          if (this.swarm.unexpectedCloses <= 3)
            log(`client ${this.index} closed: ${code} ${reason.toString()}`);
        }
        fail(new Error(`closed before ack: ${code}`));
      });
    });
  }

  private onNext(data: Buffer, at: number): void {
    if (data.includes(ERRORS)) {
      this.swarm.protocolError(this.index, data.toString('utf8').slice(0, 500));
    }
    const c = data.indexOf(CURSOR);
    if (c < 0) return;
    const end = data.indexOf(0x22, c + CURSOR.length);
    const cursor = data.toString('latin1', c + CURSOR.length, end);
    const v = data.indexOf(VERSION);
    const version = v < 0 ? -1 : readInt(data, v + VERSION.length);
    const duplicate = this.seen.has(cursor);
    if (!duplicate) this.seen.add(cursor);
    this.lastCursor = cursor;
    this.swarm.bytesReceived += data.length;
    this.swarm.record({ client: this.index, cursor, version, at, duplicate });
    if (this.swarm.sample === null) this.swarm.sample = data.toString('utf8');
  }

  close(): void {
    this.socket?.close(1000, 'bench');
  }
}

type Listener = (event: Received) => void;

export class Swarm {
  readonly clients: Subscriber[] = [];
  closing = false;
  socketErrors = 0;
  unexpectedCloses = 0;
  errors = 0;
  bytesReceived = 0;
  sample: string | null = null;
  private listener: Listener | null = null;

  constructor(
    readonly url: string,
    readonly meetingId: string,
    size: number,
    viewerOf: (index: number) => SwarmViewer = () => SIGNED_OUT,
  ) {
    for (let i = 0; i < size; i++) this.clients.push(new Subscriber(i, this, viewerOf(i)));
  }

  get size(): number {
    return this.clients.length;
  }

  protocolError(client: number, text: string): void {
    this.errors++;
    if (this.errors <= 3) log(`client ${client}: ${text}`);
  }

  record(event: Received): void {
    this.listener?.(event);
  }

  onEvent(listener: Listener | null): void {
    this.listener = listener;
  }

  /**
   * Connects every client with at most `concurrency` handshakes in flight (or all at once when
   * concurrency >= size), each subscribing after its ack; `resume` passes its last cursor as `after`.
   */
  async connectAll(concurrency: number, resume: boolean): Promise<{ ms: number; failed: number }> {
    this.closing = false;
    const started = performance.now();
    let next = 0;
    let failed = 0;
    const worker = async (): Promise<void> => {
      while (next < this.clients.length) {
        const client = this.clients[next++];
        if (!client) break;
        for (let attempt = 0; ; attempt++) {
          try {
            await client.connect(this.url, this.meetingId, resume ? client.lastCursor : null);
            break;
          } catch (error) {
            if (attempt >= 2) {
              failed++;
              if (failed <= 3) log(`client ${client.index} could not connect: ${String(error)}`);
              break;
            }
            await sleep(200 * (attempt + 1));
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, this.clients.length) }, worker));
    return { ms: performance.now() - started, failed };
  }

  /** Closes every socket and waits (bounded) until all report closed. */
  async closeAll(timeoutMs = 30_000): Promise<number> {
    this.closing = true;
    for (const client of this.clients) client.close();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && this.clients.some((c) => !c.closed)) await sleep(50);
    const open = this.clients.filter((c) => !c.closed);
    for (const client of open) client.socket?.terminate();
    return open.length;
  }

  terminateAll(): void {
    this.closing = true;
    for (const client of this.clients) client.socket?.terminate();
  }
}
