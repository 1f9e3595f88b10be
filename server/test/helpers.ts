import { randomBytes } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { inject } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger, type Logger } from '../src/logger.js';
import { startSamverka, type RunningSamverka } from '../src/app.js';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/seed/demo-data.js';

/** Creates an empty database in the run's cluster and returns its URL. */
export async function freshDatabaseUrl(): Promise<string> {
  const admin = new URL(inject('adminDatabaseUrl'));
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  admin.pathname = `/${name}`;
  return admin.toString();
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  headers: Headers;
}

export interface TestServer extends RunningSamverka {
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    cookie?: string,
  ): Promise<GraphQLResponse<T>>;
  signIn(who: keyof typeof DEMO_PEOPLE): Promise<string>;
  ws(cookie?: string): Client;
}

/** Starts the real server (migrated, demo data seeded) on its own database. */
export async function startTestServer(
  env: Record<string, string> = {},
  databaseUrl?: string,
  log?: Logger,
): Promise<TestServer> {
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    // Every test registers from 127.0.0.1; the limit itself is tested on its own.
    REGISTRATIONS_PER_HOUR: '10000',
    // Mail is caught locally unless a test brings its own relay.
    ...(env.SMTP_URL ? {} : { MAIL_CATCHER: 'true' }),
    DATABASE_URL: databaseUrl ?? (await freshDatabaseUrl()),
    ...env,
  });
  const running = await startSamverka(config, log ?? createLogger(config.logLevel));
  return withClients(running);
}

export function withClients(running: RunningSamverka): TestServer {
  const server: TestServer = {
    ...running,
    async gql(query, variables, cookie) {
      const res = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: any };
      return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
    },
    async signIn(who) {
      const res = await server.gql(
        'mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } errors { code } } }',
        { input: { email: DEMO_PEOPLE[who].email, password: DEMO_PASSWORD } },
      );
      const cookie = res.headers.get('set-cookie');
      if (!cookie) throw new Error(`sign-in failed: ${JSON.stringify(res)}`);
      return cookie.split(';')[0]!;
    },
    ws(cookie) {
      return wsClient(running.url, cookie);
    },
  };
  return server;
}

export function wsClient(httpUrl: string, cookie?: string, options: { retry?: boolean } = {}): Client {
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: cookie ? { cookie } : {} });
    }
  }
  return createClient({
    url: `${httpUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: CookieWebSocket,
    retryAttempts: options.retry ? 50 : 0,
    retryWait: async () => new Promise((r) => setTimeout(r, 200)),
    shouldRetry: () => !!options.retry,
    lazy: true,
  });
}

/** Collects what a subscription delivers. */
export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown>) {
  const values: T[] = [];
  const errors: unknown[] = [];
  let completed = false;
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        else values.push(value.data as T);
      },
      error: (error) => errors.push(error),
      complete: () => (completed = true),
    },
  );
  return {
    values,
    errors,
    get completed() {
      return completed;
    },
    dispose,
    async waitFor(count: number, timeoutMs = 10_000) {
      const start = Date.now();
      while (values.length < count) {
        if (errors.length) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
        if (Date.now() - start > timeoutMs)
          throw new Error(`timed out waiting for ${count} values, got ${values.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return values;
    },
  };
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition') {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const UPCOMING_MEETING = `{ forum(slug: "samverkansradet") { meetings(first: 10) { edges { node { id status version title agenda { id position status } } } } } }`;

/** The seeded upcoming meeting of Samverkansrådet. */
export async function upcomingMeeting(server: TestServer, cookie?: string) {
  const res = await server.gql(UPCOMING_MEETING, {}, cookie);
  const meetings = res.data!.forum.meetings.edges.map((e: any) => e.node);
  return meetings.find((m: any) => m.status === 'AGENDA_PUBLISHED') as {
    id: string;
    status: string;
    version: number;
    agenda: { id: string; position: number; status: string }[];
  };
}

export async function draftMeeting(server: TestServer, cookie: string) {
  const res = await server.gql(UPCOMING_MEETING, {}, cookie);
  return res.data!.forum.meetings.edges.map((e: any) => e.node).find((m: any) => m.status === 'DRAFT');
}

/** Row counts of tables, to assert that a refused mutation wrote nothing. */
export async function rowCounts(server: RunningSamverka, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const connection = server.orm.em.fork().getConnection();
  for (const table of tables) {
    const [row] = await connection.execute(`select count(*)::int as n from "${table}"`);
    counts[table] = row!.n;
  }
  return counts;
}

/** The value of the session cookie a response set, for the next request's Cookie header. */
export function cookieFrom(res: { headers: Headers }): string {
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error('no session cookie was set');
  return cookie.split(';')[0]!;
}
