import { log } from './log.js';
import { cpuMsOf, rssOf, sleep } from './procs.js';
import { summarize, type LatencySummary } from './stats.js';
import { Swarm, type Received } from './swarm.js';
import type { Change, Metrics, Target } from './target.js';

export interface LiveOptions {
  subscribers: number;
  changes: number;
  /** Max wait for every client to receive one change. */
  perChangeTimeoutMs: number;
  connectConcurrency: number;
  /** Names each client's audience, to report latency per audience as well. */
  audienceOf?: (client: number) => string;
}

export interface LiveResult {
  subscribers: number;
  changes: number;
  chairOperation: string;
  connectSeconds: number;
  connectFailures: number;
  latencyFromResponseMs: LatencySummary;
  latencyFromSendMs: LatencySummary;
  /** Latency from the response per audience, when the options name audiences. */
  latencyFromResponseMsByAudience?: Record<string, LatencySummary>;
  /** How long the chair's own mutation (or transaction) took. */
  chairRoundTripMs: LatencySummary;
  expectedEvents: number;
  receivedEvents: number;
  eventsLost: number;
  duplicateEvents: number;
  unexpectedEvents: number;
  changesTimedOut: number;
  serverRssBeforeBytes: number | null;
  serverRssWithClientsBytes: number | null;
  serverRssPerConnectionBytes: number | null;
  graphqlExecutionsPerChange: number | null;
  sqlStatementsPerChange: number | null;
  messageBytes: number | null;
  /** Server process CPU (user+system) per change during the measured changes. */
  serverCpuMsPerChange: number | null;
  /** This (client swarm) process's CPU per change: if near the wall time, the client was the bottleneck. */
  clientCpuMsPerChange: number;
  wallMsPerChange: number;
  socketErrors: number;
  protocolErrors: number;
}

/** Waits for events tagged with a given meeting version. */
class Tally {
  readonly times = new Map<number, number[]>();
  /** The client of each time, in the same order. */
  readonly clients = new Map<number, number[]>();
  duplicates = 0;
  private waiting: { version: number; need: number; resolve: () => void } | null = null;

  readonly listener = (event: Received): void => {
    if (event.duplicate) {
      this.duplicates++;
      return;
    }
    let list = this.times.get(event.version);
    if (!list) {
      this.times.set(event.version, (list = []));
      this.clients.set(event.version, []);
    }
    list.push(event.at);
    this.clients.get(event.version)?.push(event.client);
    const waiting = this.waiting;
    if (waiting && waiting.version === event.version && list.length >= waiting.need) {
      this.waiting = null;
      waiting.resolve();
    }
  };

  /** Resolves true when `need` clients have the version, false on timeout. */
  wait(version: number, need: number, timeoutMs: number): Promise<boolean> {
    if ((this.times.get(version)?.length ?? 0) >= need) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        resolve(false);
      }, timeoutMs);
      this.waiting = {
        version,
        need,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
    });
  }
}

export async function waitForSubscribers(target: Target, count: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let last: Metrics | null = null;
  while (Date.now() < deadline) {
    last = await target.metrics();
    if (!last) return false;
    if (last.subscribers >= count) return true;
    await sleep(200);
  }
  log(`${target.name}: only ${last?.subscribers ?? '?'} of ${count} subscribers after ${timeoutMs} ms`);
  return false;
}

/** Connects the swarm, proves every client live, then times `changes` sequential changes. */
export async function liveFanout(target: Target, swarm: Swarm, options: LiveOptions): Promise<LiveResult> {
  const n = options.subscribers;
  const rssBefore = await rssOf(target.pid);
  log(`${target.name}: connecting ${n} subscribers`);
  const connect = await swarm.connectAll(options.connectConcurrency, false);
  log(`${target.name}: ${n - connect.failed} connected in ${(connect.ms / 1000).toFixed(1)} s`);
  await waitForSubscribers(target, n - connect.failed, 60_000);

  // Warm-up changes until every client has received at least one event: proves each subscription
  // is live (a subscribe still being set up could miss a change) and warms the JIT on both sides.
  const tally = new Tally();
  swarm.onEvent(tally.listener);
  const live = n - connect.failed;
  for (let i = 0; i < 5; i++) {
    const change = await target.change();
    await tally.wait(change.version, live, options.perChangeTimeoutMs);
    const withEvent = swarm.clients.filter((c) => c.lastCursor !== null).length;
    log(`${target.name}: warm-up ${i + 1}: ${withEvent}/${n} clients have an event`);
    if (withEvent >= live && i >= 1) break;
  }
  await sleep(500);
  const rssWith = await rssOf(target.pid);

  const measured = new Tally();
  swarm.onEvent(measured.listener);
  const bytesBefore = swarm.bytesReceived;
  const before = await target.metrics();
  const cpuBefore = await cpuMsOf(target.pid);
  const clientCpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const changes: Change[] = [];
  let timedOut = 0;
  for (let i = 0; i < options.changes; i++) {
    const change = await target.change();
    changes.push(change);
    const ok = await measured.wait(change.version, live, options.perChangeTimeoutMs);
    if (!ok) {
      timedOut++;
      log(
        `${target.name}: change ${i + 1} (v${change.version}) reached ${measured.times.get(change.version)?.length ?? 0}/${n}`,
      );
    }
  }
  const wallMs = performance.now() - wallBefore;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const cpuAfter = await cpuMsOf(target.pid);
  await sleep(200);
  const after = await target.metrics();
  swarm.onEvent(null);

  const fromResponse: number[] = [];
  const fromSend: number[] = [];
  const byAudience = new Map<string, number[]>();
  let received = 0;
  const versions = new Set<number>();
  for (const change of changes) {
    versions.add(change.version);
    const clients = measured.clients.get(change.version) ?? [];
    for (const [i, at] of (measured.times.get(change.version) ?? []).entries()) {
      received++;
      fromResponse.push(at - change.doneAt);
      fromSend.push(at - change.sentAt);
      if (options.audienceOf) {
        const audience = options.audienceOf(clients[i] ?? -1);
        let list = byAudience.get(audience);
        if (!list) byAudience.set(audience, (list = []));
        list.push(at - change.doneAt);
      }
    }
  }
  let unexpected = 0;
  for (const [version, list] of measured.times) if (!versions.has(version)) unexpected += list.length;
  const expected = n * options.changes;
  const delta = (key: keyof Metrics): number | null =>
    before && after ? Math.round(((after[key] - before[key]) / options.changes) * 100) / 100 : null;
  return {
    subscribers: n,
    changes: options.changes,
    chairOperation: target.chairOperation(),
    connectSeconds: Math.round(connect.ms / 10) / 100,
    connectFailures: connect.failed,
    latencyFromResponseMs: summarize(fromResponse),
    latencyFromSendMs: summarize(fromSend),
    ...(options.audienceOf
      ? {
          latencyFromResponseMsByAudience: Object.fromEntries(
            [...byAudience].map(([audience, list]) => [audience, summarize(list)]),
          ),
        }
      : {}),
    chairRoundTripMs: summarize(changes.map((c) => c.doneAt - c.sentAt)),
    expectedEvents: expected,
    receivedEvents: received,
    eventsLost: expected - received,
    duplicateEvents: measured.duplicates,
    unexpectedEvents: unexpected,
    changesTimedOut: timedOut,
    serverRssBeforeBytes: rssBefore,
    serverRssWithClientsBytes: rssWith,
    serverRssPerConnectionBytes:
      rssBefore !== null && rssWith !== null ? Math.round((rssWith - rssBefore) / n) : null,
    graphqlExecutionsPerChange: delta('graphqlExecutions'),
    sqlStatementsPerChange: delta('sqlStatements'),
    messageBytes: received ? Math.round((swarm.bytesReceived - bytesBefore) / received) : null,
    serverCpuMsPerChange:
      cpuBefore !== null && cpuAfter !== null ? Math.round((cpuAfter - cpuBefore) / options.changes) : null,
    clientCpuMsPerChange: Math.round((clientCpu.user + clientCpu.system) / 1000 / options.changes),
    wallMsPerChange: Math.round(wallMs / options.changes),
    socketErrors: swarm.socketErrors,
    protocolErrors: swarm.errors,
  };
}
