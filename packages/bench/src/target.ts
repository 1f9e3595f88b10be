import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { makeCurrent, MEETING_ID, type Seed } from './baseline/db.js';
import { log } from './log.js';
import { freePort, startChild, waitReady, type Child } from './procs.js';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = path.resolve(BENCH_DIR, '..', '..');
export const SERVER_MAIN = path.join(REPO_DIR, 'server', 'dist', 'main.js');

export interface Metrics {
  graphqlExecutions: number;
  sqlStatements: number;
  subscribers: number;
  rssBytes: number;
}

export interface Change {
  /** meeting.version after the change; events carry it, which ties each receipt to its change. */
  version: number;
  /** When the mutation (or BEGIN) was sent. */
  sentAt: number;
  /** When the mutation's HTTP response arrived (or COMMIT returned): the commit is done by then. */
  doneAt: number;
}

export interface Target {
  name: 'samverka' | 'baseline' | 'baseline-shared' | 'floor';
  httpUrl: string;
  wsUrl: string;
  pid: number;
  meetingId: string;
  /** How the chair changes the meeting, for the report. */
  chairOperation(): string;
  metrics(): Promise<Metrics | null>;
  change(): Promise<Change>;
  /** The public meeting query for HTTP load, as a JSON request body. */
  meetingQueryBody(meetingId?: string): string;
  stop(): Promise<void>;
}

export const MEETING_QUERY = `query Meeting($id: ID!) {
  meeting(id: $id) {
    id title status forum { name }
    agenda { id position title kind presenter plannedMinutes status }
  }
}`;

async function fetchMetrics(httpUrl: string): Promise<Metrics | null> {
  try {
    const response = await fetch(`${httpUrl}/metrics`, { signal: AbortSignal.timeout(5_000) });
    if (response.status !== 200) return null;
    return (await response.json()) as Metrics;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- Samverka

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

class GraphQLHttp {
  cookie: string | null = null;
  constructor(readonly url: string) {}

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    for (const header of response.headers.getSetCookie()) {
      const match = /^(samverka_session=[^;]*)/.exec(header);
      if (match?.[1]) this.cookie = match[1];
    }
    try {
      return JSON.parse(text) as GraphQLResponse<T>;
    } catch {
      throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
    }
  }
}

interface MeetingNode {
  id: string;
  status: string;
  version: number;
  agenda: { id: string; position: number }[];
  currentItem?: { id: string } | null;
}

interface Payload {
  meeting: { version: number; currentItem: { id: string } | null } | null;
  errors: { code: string; message: string }[];
}

type ChairOp = 'makeAgendaItemCurrent' | 'nextPrevious' | 'pauseResume';

/** `clientDir`: where the server finds the built client (default: client/dist). */
export async function startSamverka(databaseUrl: string, clientDir?: string): Promise<Target> {
  const port = await freePort();
  const child: Child = startChild(
    'server',
    process.execPath,
    // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the server under load.
    [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), SERVER_MAIN],
    {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      SAMVERKA_METRICS: '1',
      NODE_ENV: 'production',
      ...(clientDir ? { CLIENT_DIR: clientDir } : {}),
    },
    path.join(REPO_DIR, 'server'),
  );
  const httpUrl = `http://127.0.0.1:${port}`;
  try {
    await waitReady(child, `${httpUrl}/readyz`, 180_000);
    const gql = new GraphQLHttp(`${httpUrl}/graphql`);
    const signIn = await gql.request<{
      signIn: { viewer: { id: string } | null; errors: { code: string }[] };
    }>(
      `mutation SignIn($email: String!, $password: String!) {
        signIn(input: { email: $email, password: $password }) { viewer { id } errors { code message } }
      }`,
      { email: 'samordnare@samverka.example', password: 'samverka-demo' },
    );
    if (!signIn.data?.signIn.viewer || !gql.cookie) {
      throw new Error(`sign-in failed: ${JSON.stringify(signIn)} (cookie: ${gql.cookie ?? 'none'})`);
    }
    const found = await gql.request<{ forum: { meetings: { edges: { node: MeetingNode }[] } } | null }>(
      `query Meetings {
        forum(slug: "samverkansradet") {
          meetings(first: 20) { edges { node { id status version agenda { id position } currentItem { id } } } }
        }
      }`,
    );
    const meetings = found.data?.forum?.meetings.edges.map((edge) => edge.node) ?? [];
    const meeting =
      meetings.find((m) => m.status === 'AGENDA_PUBLISHED' && m.agenda.length >= 2) ??
      meetings.find((m) => m.status === 'IN_PROGRESS' && m.agenda.length >= 2);
    if (!meeting)
      throw new Error(`no AGENDA_PUBLISHED meeting with 2+ items: ${JSON.stringify(found).slice(0, 500)}`);
    const agenda = [...meeting.agenda].sort((a, b) => a.position - b.position);
    let version = meeting.version;
    let currentId: string | null = meeting.currentItem?.id ?? null;

    const PAYLOAD = 'meeting { version currentItem { id } } errors { code message }';
    const mutate = async (field: string, input: Record<string, unknown>): Promise<Change> => {
      const sentAt = performance.now();
      // Input fields are passed as separate variables so that no input type name is assumed.
      const values: Record<string, unknown> = { meetingId: meeting.id, expectedVersion: version, ...input };
      const declared = Object.keys(values)
        .map((key) => `$${key}: ${key === 'expectedVersion' ? 'Int!' : 'ID!'}`)
        .join(', ');
      const fields = Object.keys(values)
        .map((key) => `${key}: $${key}`)
        .join(', ');
      const result = await gql.request<Record<string, Payload>>(
        `mutation Chair(${declared}) { ${field}(input: { ${fields} }) { ${PAYLOAD} } }`,
        values,
      );
      const doneAt = performance.now();
      const payload = result.data?.[field];
      if (!payload?.meeting || payload.errors.length || result.errors?.length) {
        throw new Error(
          `${field} failed: ${JSON.stringify(result.errors ?? payload?.errors ?? result).slice(0, 400)}`,
        );
      }
      version = payload.meeting.version;
      currentId = payload.meeting.currentItem?.id ?? null;
      return { version, sentAt, doneAt };
    };

    if (meeting.status === 'AGENDA_PUBLISHED') {
      await mutate('startMeeting', {});
      log(`samverka: started meeting ${meeting.id} (${agenda.length} agenda items), version ${version}`);
    }

    const ops: ChairOp[] = ['makeAgendaItemCurrent', 'nextPrevious', 'pauseResume'];
    let op = 0;
    let flip = false;
    const attempt = (kind: ChairOp): Promise<Change> => {
      if (kind !== 'makeAgendaItemCurrent') flip = !flip;
      if (kind === 'makeAgendaItemCurrent') {
        const index = agenda.findIndex((item) => item.id === currentId);
        const next = agenda[(index + 1) % agenda.length] ?? agenda[0];
        return mutate('makeAgendaItemCurrent', { agendaItemId: next?.id });
      }
      if (kind === 'nextPrevious')
        return mutate(flip ? 'moveToNextAgendaItem' : 'moveToPreviousAgendaItem', {});
      return mutate(flip ? 'pauseAgendaTimer' : 'resumeAgendaTimer', {});
    };

    return {
      name: 'samverka',
      httpUrl,
      wsUrl: `ws://127.0.0.1:${port}/graphql`,
      pid: child.pid,
      meetingId: meeting.id,
      chairOperation: () => ops[op] ?? 'none',
      metrics: () => fetchMetrics(httpUrl),
      async change() {
        for (;;) {
          const kind = ops[op];
          if (!kind) throw new Error('no chair operation works on this meeting');
          try {
            return await attempt(kind);
          } catch (error) {
            log(`samverka chair: ${String(error)}; trying the next kind of change`);
            op++;
          }
        }
      },
      meetingQueryBody: (id = meeting.id) => JSON.stringify({ query: MEETING_QUERY, variables: { id } }),
      stop: () => child.stop(),
    };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

// ---------------------------------------------------------------- baseline

/** The bare servers: graphql-ws executing per subscriber or once per change, and the floor (no GraphQL). */
export type BaselineKind = 'per-subscriber' | 'shared' | 'floor';

export async function startBaseline(
  databaseUrl: string,
  seed: Seed | null,
  tmpDir: string,
  fanout: BaselineKind = 'per-subscriber',
): Promise<Target> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
  };
  env.NODE_ENV = 'production';
  env.BASELINE_FANOUT = fanout;
  if (seed) {
    env.BASELINE_SEED = path.join(tmpDir, 'baseline-seed.json');
    await writeFile(env.BASELINE_SEED, JSON.stringify(seed));
  }
  const name = fanout === 'shared' ? 'baseline-shared' : fanout === 'floor' ? 'floor' : 'baseline';
  const script = fanout === 'floor' ? 'floor.ts' : 'server.ts';
  const child = startChild(
    name,
    process.execPath,
    ['--import', 'tsx', path.join(BENCH_DIR, 'src', 'baseline', script)],
    env,
    BENCH_DIR,
  );
  const httpUrl = `http://127.0.0.1:${port}`;
  const chair = new pg.Client({ connectionString: databaseUrl });
  try {
    await waitReady(child, `${httpUrl}/readyz`, 60_000);
    await chair.connect();
    const count = await chair.query(
      'SELECT count(*)::int AS n FROM baseline_agenda_item WHERE meeting_id = $1',
      [MEETING_ID],
    );
    const items = (count.rows[0] as { n: number }).n;
    let position = 0;
    return {
      name,
      httpUrl,
      wsUrl: `ws://127.0.0.1:${port}/graphql`,
      pid: child.pid,
      meetingId: MEETING_ID,
      chairOperation: () => 'UPDATE+INSERT event+pg_notify in one transaction',
      metrics: () => fetchMetrics(httpUrl),
      async change() {
        position = (position % items) + 1;
        const result = await makeCurrent(chair, position);
        return { version: result.version, sentAt: result.sentAt, doneAt: result.committedAt };
      },
      meetingQueryBody: (id = MEETING_ID) => JSON.stringify({ query: MEETING_QUERY, variables: { id } }),
      async stop() {
        await chair.end().catch(() => undefined);
        await child.stop();
      },
    };
  } catch (error) {
    await chair.end().catch(() => undefined);
    await child.stop();
    throw error;
  }
}
