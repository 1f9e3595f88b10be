import { log } from './log.js';
import { sleep } from './procs.js';
import { Swarm, type Received } from './swarm.js';
import type { Target } from './target.js';
import { waitForSubscribers } from './live.js';

export interface StormResult {
  subscribers: number;
  changesDuringGap: number;
  closeSeconds: number;
  /** From the moment all N reconnects were started until the last client had every missed event. */
  caughtUpSeconds: number | null;
  /** Time to complete all N WebSocket handshakes (connection_ack). */
  reconnectSeconds: number;
  reconnectFailures: number;
  expectedMissedEvents: number;
  eventsMissed: number;
  eventsDuplicated: number;
  eventsOutOfOrder: number;
  clientsCaughtUp: number;
  /** One more change after the storm: how many resumed clients received it live. */
  liveAfterResume: number;
}

/**
 * All clients close at once; while they are away the chair makes a few changes (seen by one extra
 * observer that stays connected, which tells us their cursors); then all reconnect at once with
 * `after` = their last cursor and must receive exactly the missed events, in order.
 */
export async function reconnectStorm(
  target: Target,
  swarm: Swarm,
  gapChanges: number,
  timeoutMs: number,
): Promise<StormResult> {
  const n = swarm.size;
  const observer = new Swarm(target.wsUrl, target.meetingId, 1);
  const observed: string[] = [];
  observer.onEvent((event) => {
    if (!event.duplicate) observed.push(event.cursor);
  });
  await observer.connectAll(1, false);
  await waitForSubscribers(target, n + 1, 20_000);

  const closeStarted = performance.now();
  const stillOpen = await swarm.closeAll(30_000);
  if (stillOpen) log(`${target.name}: ${stillOpen} sockets did not close cleanly and were terminated`);
  const closeMs = performance.now() - closeStarted;
  // Until the server has dropped them, a change could still reach an old socket.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const metrics = await target.metrics();
    if (!metrics || metrics.subscribers <= 1) break;
    await sleep(100);
  }

  for (let i = 0; i < gapChanges; i++) {
    const before = observed.length;
    await target.change();
    const until = Date.now() + 10_000;
    while (observed.length === before && Date.now() < until) await sleep(5);
  }
  const missed = new Set(observed.slice(-gapChanges));
  if (missed.size !== gapChanges)
    log(`${target.name}: observer saw ${missed.size} of ${gapChanges} gap events`);

  const got = new Map<number, string[]>();
  let duplicates = 0;
  let caughtUp = 0;
  let lastCatchUp = 0;
  let outOfOrder = 0;
  const order = [...missed];
  let allDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allDone = resolve));
  swarm.onEvent((event: Received) => {
    if (event.duplicate) {
      duplicates++;
      return;
    }
    if (!missed.has(event.cursor)) return;
    let list = got.get(event.client);
    if (!list) got.set(event.client, (list = []));
    if (order[list.length] !== event.cursor) outOfOrder++;
    list.push(event.cursor);
    if (list.length === missed.size) {
      caughtUp++;
      lastCatchUp = event.at;
      if (caughtUp === n) allDone();
    }
  });

  log(`${target.name}: ${n} clients reconnect at once, resuming after their last cursor`);
  const started = performance.now();
  const connect = await swarm.connectAll(n, true);
  log(`${target.name}: reconnected in ${(connect.ms / 1000).toFixed(1)} s, ${connect.failed} failed`);
  const finished = await Promise.race([
    done.then(() => true),
    sleep(Math.max(1_000, timeoutMs - (performance.now() - started))).then(() => false),
  ]);
  if (!finished) log(`${target.name}: only ${caughtUp}/${n} caught up within ${timeoutMs} ms`);
  let received = 0;
  for (const list of got.values()) received += list.length;

  // Resumed clients must also be live again.
  await waitForSubscribers(target, n + 1 - connect.failed, 20_000);
  let liveAfter = 0;
  swarm.onEvent((event) => {
    if (!event.duplicate && !missed.has(event.cursor)) liveAfter++;
  });
  await target.change();
  const until = Date.now() + 15_000;
  while (liveAfter < n - connect.failed && Date.now() < until) await sleep(10);
  swarm.onEvent(null);
  await observer.closeAll(5_000);

  return {
    subscribers: n,
    changesDuringGap: gapChanges,
    closeSeconds: Math.round(closeMs / 10) / 100,
    caughtUpSeconds: finished ? Math.round((lastCatchUp - started) / 10) / 100 : null,
    reconnectSeconds: Math.round(connect.ms / 10) / 100,
    reconnectFailures: connect.failed,
    expectedMissedEvents: n * missed.size,
    eventsMissed: n * missed.size - received,
    eventsDuplicated: duplicates,
    eventsOutOfOrder: outOfOrder,
    clientsCaughtUp: caughtUp,
    liveAfterResume: liveAfter,
  };
}
