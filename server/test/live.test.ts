import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  collect,
  freshDatabaseUrl,
  startTestServer,
  until,
  upcomingMeeting,
  withClients,
  wsClient,
  draftMeeting,
  type TestServer,
} from './helpers.js';
import { publishLiveEvent } from '../src/live/publish.js';
import { liveMetrics } from '../src/live/live-hub.js';
import { sqlCounter } from '../src/db/orm.js';

const LIVE = `subscription($id: ID!, $after: String) {
  meetingChanged(meetingId: $id, after: $after) { cursor kind meeting { id version status currentItem { position } } }
}`;

let server: TestServer;
let chair: string;
beforeAll(async () => {
  server = await startTestServer({ MAX_SUBSCRIPTIONS_PER_CONNECTION: '3', WS_INIT_TIMEOUT_MS: '300' });
  chair = await server.signIn('chair');
});
afterAll(() => server?.close());

async function chairAct(
  target: TestServer,
  cookie: string,
  mutation: string,
  meetingId: string,
  extra: Record<string, unknown> = {},
) {
  const current = await target.gql('query($id: ID!) { meeting(id: $id) { version } }', { id: meetingId });
  const type = 'agendaItemId' in extra ? 'AgendaItemActionInput' : 'MeetingActionInput';
  const res = await target.gql(
    `mutation($input: ${type}!) { ${mutation}(input: $input) { meeting { version } errors { code message } } }`,
    { input: { meetingId, expectedVersion: current.data!.meeting.version, ...extra } },
    cookie,
  );
  expect(res.data?.[mutation].errors).toEqual([]);
  return res.data![mutation].meeting.version as number;
}

describe('events are published in the writing transaction', () => {
  test('a rolled-back write publishes nothing; a committed one reaches subscribers', async () => {
    const meeting = await upcomingMeeting(server);
    const client = server.ws();
    const watch = collect(client, LIVE, { id: meeting.id });
    await until(() => liveMetrics.subscribers > 0, 5000, 'subscription');
    const meetingUuid = Buffer.from(meeting.id, 'base64url').toString().split(':')[1]!;
    await expect(
      server.orm.em.fork().transactional(async (tx) => {
        await publishLiveEvent(tx, {
          topic: `meeting:${meetingUuid}`,
          kind: 'MEETING_STARTED',
          subjectId: meetingUuid,
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await new Promise((r) => setTimeout(r, 300));
    expect(watch.values).toEqual([]);
    const rows = await server.orm.em
      .fork()
      .getConnection()
      .execute('select count(*)::int as n from live_event where topic = ?', [`meeting:${meetingUuid}`]);
    expect(rows[0]?.n).toBe(0);

    await chairAct(server, chair, 'startMeeting', meeting.id);
    const [event] = await watch.waitFor(1);
    expect(event.meetingChanged).toMatchObject({
      kind: 'MEETING_STARTED',
      meeting: { status: 'IN_PROGRESS' },
    });
    watch.dispose();
    await client.dispose();
  });
});

describe('the live agenda', () => {
  test('is executed once per change however many watch it, with no SQL per subscriber', async () => {
    const meeting = await upcomingMeeting(server).then(
      async (m) =>
        m ??
        (await server.gql('{ meetings(first: 5) { edges { node { id status } } } }'))
          .data!.meetings.edges.map((e: any) => e.node)
          .find((n: any) => n.status === 'IN_PROGRESS'),
    );
    const clients = Array.from({ length: 25 }, () => server.ws());
    const watches = clients.map((client) => collect(client, LIVE, { id: meeting.id }));
    await until(() => liveMetrics.subscribers >= 25, 5000, '25 subscribers');
    const executions = liveMetrics.executions;
    const statements = sqlCounter.statements;
    await chairAct(server, chair, 'moveToNextAgendaItem', meeting.id);
    await Promise.all(watches.map((w) => w.waitFor(1)));
    expect(liveMetrics.executions - executions).toBe(1);
    // The chair's version lookup, the mutation (lock, agenda, updates, event, commit) and one load for all 25.
    expect(sqlCounter.statements - statements).toBeLessThan(15);
    const first = JSON.stringify(watches[0]!.values[0]);
    expect(watches.every((w) => JSON.stringify(w.values[0]) === first)).toBe(true);
    for (const w of watches) w.dispose();
    await Promise.all(clients.map((c) => c.dispose()));
  });

  test('a client that reconnects with its last cursor gets every missed event, in order, exactly once', async () => {
    const own = await startTestServer();
    const ownChair = await own.signIn('chair');
    const meeting = await upcomingMeeting(own);
    const first = own.ws();
    const watch = collect(first, LIVE, { id: meeting.id });
    await until(() => liveMetrics.subscribers > 0);
    await chairAct(own, ownChair, 'startMeeting', meeting.id);
    const [seen] = await watch.waitFor(1);
    watch.dispose();
    await first.dispose();

    for (let i = 0; i < 3; i++) await chairAct(own, ownChair, 'moveToNextAgendaItem', meeting.id);

    const second = own.ws();
    const resumed = collect(second, LIVE, { id: meeting.id, after: seen.meetingChanged.cursor });
    const replayed = await resumed.waitFor(3);
    expect(replayed.map((e) => e.meetingChanged.kind)).toEqual([
      'CURRENT_ITEM_CHANGED',
      'CURRENT_ITEM_CHANGED',
      'CURRENT_ITEM_CHANGED',
    ]);
    const cursors = replayed.map((e) => BigInt(e.meetingChanged.cursor));
    expect([...cursors].sort((a, b) => (a < b ? -1 : 1))).toEqual(cursors);
    expect(new Set(cursors).size).toBe(3);
    expect(cursors[0]! > BigInt(seen.meetingChanged.cursor)).toBe(true);

    await chairAct(own, ownChair, 'pauseAgendaTimer', meeting.id);
    await resumed.waitFor(4);
    await new Promise((r) => setTimeout(r, 200));
    expect(resumed.values).toHaveLength(4);
    expect(resumed.values[3].meetingChanged.kind).toBe('TIMER_PAUSED');
    resumed.dispose();
    await second.dispose();
    await own.close();
  });

  test('authorizes when the subscription starts, not at its first event', async () => {
    const coordinator = await server.signIn('coordinator');
    const draft = await draftMeeting(server, coordinator);
    const client = server.ws();
    const denied = collect(client, LIVE, { id: draft.id });
    await until(() => denied.errors.length > 0, 5000, 'refusal');
    expect(JSON.stringify(denied.errors)).toContain('FORBIDDEN');
    const unknown = collect(client, LIVE, {
      id: 'TWVldGluZzowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA',
    });
    await until(() => unknown.errors.length > 0, 5000, 'not found');
    expect(JSON.stringify(unknown.errors)).toContain('NOT_FOUND');
    await client.dispose();

    const allowed = server.ws(coordinator);
    const watch = collect(allowed, LIVE, { id: draft.id });
    await new Promise((r) => setTimeout(r, 300));
    expect(watch.errors).toEqual([]);
    await allowed.dispose();
  });

  test('only subscriptions travel over the WebSocket', async () => {
    const client = server.ws();
    const mutation = collect(client, 'mutation { signOut { signedOut } }', {});
    await until(() => mutation.errors.length > 0, 5000, 'refusal');
    expect(JSON.stringify(mutation.errors)).toContain('BAD_REQUEST');
    await client.dispose();
  });

  test('a connection holds a bounded number of subscriptions', async () => {
    const meeting = (await server.gql('{ meetings(first: 10) { edges { node { id status } } } }')).data!
      .meetings.edges[0].node;
    const client = server.ws();
    const watches = Array.from({ length: 4 }, () => collect(client, LIVE, { id: meeting.id }));
    await until(() => watches[3]!.errors.length > 0, 5000, 'the fourth to be refused');
    expect(JSON.stringify(watches[3]!.errors)).toContain('TOO_MANY_SUBSCRIPTIONS');
    expect(watches.slice(0, 3).every((w) => w.errors.length === 0)).toBe(true);
    await client.dispose();
  });
});

describe('graphql-ws close codes', () => {
  function raw(cookie?: string) {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', {
      headers: cookie ? { cookie } : {},
    });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    const opened = new Promise<void>((resolve) => socket.on('open', () => resolve()));
    return { socket, closed, opened };
  }

  test('4401 for a subscribe before the connection is acknowledged', async () => {
    const { socket, closed, opened } = raw();
    await opened;
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ viewer { id } }' } }));
    expect(await closed).toBe(4401);
  });

  test('4408 when no connection_init arrives in time', async () => {
    const { closed } = raw();
    expect(await closed).toBe(4408);
  });

  test('4429 for a second connection_init', async () => {
    const { socket, closed, opened } = raw();
    await opened;
    socket.send(JSON.stringify({ type: 'connection_init' }));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    expect(await closed).toBe(4429);
  });

  test('4403 when the session signs out: its sockets close', async () => {
    const cookie = await server.signIn('member');
    const { socket, closed, opened } = raw(cookie);
    await opened;
    const acked = new Promise((resolve) =>
      socket.on('message', (data) => String(data).includes('connection_ack') && resolve(true)),
    );
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await acked;
    await server.gql('mutation { signOut { signedOut } }', {}, cookie);
    expect(await closed).toBe(4403);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

describe('two server processes on one database', () => {
  let other: ChildProcess;
  let otherUrl: string;
  let a: TestServer;

  beforeAll(async () => {
    const databaseUrl = await freshDatabaseUrl();
    a = await startTestServer({}, databaseUrl);
    const port = await freePort();
    otherUrl = `http://127.0.0.1:${port}`;
    other = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/main.ts')], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: 'inherit',
    });
    await until(
      async () => (await fetch(`${otherUrl}/readyz`).catch(() => null))?.ok === true,
      30_000,
      'second process',
    );
  }, 60_000);
  afterAll(async () => {
    other?.kill('SIGTERM');
    await a?.close();
  });

  test('both deliver an event written through either', async () => {
    const b = { ...a, url: otherUrl };
    const cookie = await a.signIn('chair');
    const meeting = await upcomingMeeting(a);
    const onA = wsClient(a.url);
    const onB = wsClient(otherUrl);
    const watchA = collect(onA, LIVE, { id: meeting.id });
    const watchB = collect(onB, LIVE, { id: meeting.id });
    await new Promise((r) => setTimeout(r, 500));

    const statusOnB = async () =>
      (
        await withClients(b as never).gql('query($id: ID!) { meeting(id: $id) { status } }', {
          id: meeting.id,
        })
      ).data!.meeting.status;
    expect(await statusOnB()).toBe('AGENDA_PUBLISHED');

    await chairAct(a, cookie, 'startMeeting', meeting.id);
    await watchA.waitFor(1);
    await watchB.waitFor(1);
    // B's answer to signed-out readers was cached; the event from A's write dropped it.
    expect(await statusOnB()).toBe('IN_PROGRESS');

    const bServer = withClients(b as never);
    const bCookie = await bServer.signIn('chair');
    await chairAct(bServer, bCookie, 'moveToNextAgendaItem', meeting.id);
    await watchA.waitFor(2);
    await watchB.waitFor(2);
    expect(watchA.values.map((v) => v.meetingChanged.cursor)).toEqual(
      watchB.values.map((v) => v.meetingChanged.cursor),
    );
    await onA.dispose();
    await onB.dispose();
  });
});
