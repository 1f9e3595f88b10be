import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collect, startTestServer, until, upcomingMeeting, type TestServer } from './helpers.js';
import { partyWithContact, registerPerson, uuidOf } from './accounts-fixtures.js';
import { LiveEventListener } from '../src/live/listener.js';
import { createLogger } from '../src/logger.js';
import type { LiveEventMessage } from '../src/live/publish.js';
import { meetingTopic, partyTopic, publishLiveEvent, sessionTopic } from '../src/live/publish.js';
import { liveMetrics } from '../src/live/live-hub.js';
import { pruneLiveEvents } from '../src/live/retention.js';
import { socketMetrics } from '../src/live/ws-server.js';

const LIVE = `subscription($id: ID!, $after: String) {
  meetingChanged(meetingId: $id, after: $after) { cursor kind meeting { id version } }
}`;
const SNAPSHOT = 'query($id: ID!) { meeting(id: $id) { version liveCursor } }';

interface Chair {
  server: TestServer;
  cookie: string;
  meetingId: string;
  version: number;
}

/** Starts the seeded upcoming meeting, so that its current item can be changed over and over. */
async function startedMeeting(server: TestServer): Promise<Chair> {
  const cookie = await server.signIn('chair');
  const meeting = await upcomingMeeting(server, cookie);
  const res = await server.gql(
    'mutation($input: MeetingActionInput!) { startMeeting(input: $input) { meeting { version } errors { code } } }',
    { input: { meetingId: meeting.id, expectedVersion: meeting.version } },
    cookie,
  );
  expect(res.data!.startMeeting.errors).toEqual([]);
  return {
    server,
    cookie,
    meetingId: meeting.id,
    version: res.data!.startMeeting.meeting.version,
  };
}

/** The chair pauses or resumes the timer of the current item; returns the meeting's version after it. */
async function chairChange(chair: Chair, turn: number): Promise<number> {
  const mutation = turn % 2 === 0 ? 'pauseAgendaTimer' : 'resumeAgendaTimer';
  const res = await chair.server.gql(
    `mutation($input: MeetingActionInput!) { ${mutation}(input: $input) { meeting { version } errors { code } } }`,
    { input: { meetingId: chair.meetingId, expectedVersion: chair.version } },
    chair.cookie,
  );
  expect(res.data![mutation].errors).toEqual([]);
  chair.version = res.data![mutation].meeting.version;
  return chair.version;
}

async function topicSequences(server: TestServer, topic: string): Promise<string[]> {
  const rows = await server.orm.em
    .fork()
    .getConnection()
    .execute<{ sequence: string }[]>(
      'select sequence::text as sequence from live_event where topic = ? order by live_event.sequence',
      [topic],
    );
  return rows.map((row) => row.sequence);
}

/** A raw graphql-ws connection, to see close codes and to stop reading. */
function rawSocket(server: TestServer, cookie?: string) {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', {
    headers: cookie ? { cookie } : {},
  });
  const messages: any[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const acked = new Promise<void>((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (data) => String(data).includes('connection_ack') && resolve());
    socket.on('error', reject);
  });
  return { socket, messages, closed, acked };
}

describe('the cursor sent with a state is never newer than the state', () => {
  let server: TestServer;
  let chair: Chair;
  beforeAll(async () => {
    server = await startTestServer();
    chair = await startedMeeting(server);
  });
  afterAll(() => server?.close());

  // The meeting query reads state and cursor in one statement (the read model); node(id:) loads the entity and
  // reads the cursor afterwards. Both must pair a state with a cursor that is not newer than it.
  test.each([
    ['the read model', SNAPSHOT, 'meeting'],
    [
      'the entity path',
      'query($id: ID!) { node(id: $id) { ... on Meeting { version liveCursor } } }',
      'node',
    ],
  ])(
    '%s: a change committing while the query runs is in the state or delivered after its cursor',
    async (_name, query, field) => {
      const uuid = uuidOf(chair.meetingId);
      const before = chair.version;
      let answer!: Promise<{ data?: any }>;
      let published = '';
      await server.orm.em.fork().transactional(async (tx) => {
        const connection = tx.getConnection();
        const ctx = tx.getTransactionContext();
        // The viewer's query waits for the event table, which this transaction holds, while the change commits.
        await connection.execute('lock table live_event in access exclusive mode', [], 'run', ctx);
        answer = server.gql(query, { id: chair.meetingId }, chair.cookie);
        await until(async () => {
          const [row] = await server.orm.em
            .fork()
            .getConnection()
            .execute(
              "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
            );
          return row!.n > 0;
        });
        await connection.execute('update meeting set version = version + 1 where id = ?', [uuid], 'run', ctx);
        published = await publishLiveEvent(tx, {
          topic: meetingTopic(uuid),
          kind: 'CURRENT_ITEM_CHANGED',
          subjectId: uuid,
        });
      });
      chair.version = before + 1;
      const snapshot = (await answer).data![field];
      if (snapshot.version === before + 1) {
        expect(snapshot.liveCursor).toBe(published);
        return;
      }
      expect(snapshot.version).toBe(before);
      const client = server.ws();
      const watch = collect(client, LIVE, { id: chair.meetingId, after: snapshot.liveCursor });
      const [event] = await watch.waitFor(1);
      expect(event.meetingChanged.cursor).toBe(published);
      expect(event.meetingChanged.meeting.version).toBe(before + 1);
      await client.dispose();
    },
  );

  test('150 viewers loading the meeting while the chair acts in a tight loop each miss nothing', async () => {
    const topic = meetingTopic(uuidOf(chair.meetingId));
    const before = (await topicSequences(server, topic)).length;
    const baseVersion = chair.version;
    let stop = false;
    const versions: number[] = [];
    const chairLoop = (async () => {
      for (let turn = 0; !stop || versions.length < 5; turn++) versions.push(await chairChange(chair, turn));
    })();
    const viewers = await Promise.all(
      Array.from({ length: 150 }, async () => {
        const snapshot = (await server.gql(SNAPSHOT, { id: chair.meetingId })).data!.meeting;
        const client = server.ws();
        const watch = collect(client, LIVE, { id: chair.meetingId, after: snapshot.liveCursor });
        return { client, watch, snapshot: snapshot as { version: number; liveCursor: string } };
      }),
    );
    await until(() => liveMetrics.subscribers >= 150, 30_000, '150 subscribers');
    stop = true;
    await chairLoop;
    const last = chair.version;
    // Every change is one event, in commit order: the k-th event after the start made version base + k.
    const sequences = (await topicSequences(server, topic)).slice(before);
    expect(sequences).toHaveLength(last - baseVersion);
    const eventOf = (version: number) => sequences[version - baseVersion - 1]!;
    for (const { watch, snapshot } of viewers) {
      await until(
        () => watch.values.some((v) => v.meetingChanged.cursor === eventOf(last)),
        30_000,
        'the last change',
      );
      const received = new Set(watch.values.map((v) => v.meetingChanged.cursor));
      const missed = [];
      for (let version = snapshot.version + 1; version <= last; version++) {
        if (!received.has(eventOf(version))) missed.push(version);
      }
      expect(missed).toEqual([]);
    }
    await Promise.all(viewers.map(({ client }) => client.dispose()));
  }, 120_000);
});

/** Records events straight in the log, without notifying: as if they happened while nobody watched. */
async function recordQuietly(server: TestServer, topic: string, subjectId: string, count: number) {
  await server.orm.em
    .fork()
    .getConnection()
    .execute(
      "insert into live_event (topic, kind, subject_id) select ?, 'TIMER_PAUSED', ? from generate_series(1, ?)",
      [topic, subjectId, count],
    );
}

async function metrics(server: TestServer): Promise<Record<string, any>> {
  return (await fetch(`${server.url}/metrics`)).json() as Promise<Record<string, any>>;
}

describe('a replay that cannot be given in full is a RESYNC, never a silent gap', () => {
  let server: TestServer;
  let chair: Chair;
  beforeAll(async () => {
    server = await startTestServer({ SAMVERKA_METRICS: 'true' });
    chair = await startedMeeting(server);
  });
  afterAll(() => server?.close());

  test('more than 1,000 missed events: the meeting now, then live changes after its cursor', async () => {
    const uuid = uuidOf(chair.meetingId);
    const { liveCursor } = (await server.gql(SNAPSHOT, { id: chair.meetingId }, chair.cookie)).data!.meeting;
    await recordQuietly(server, meetingTopic(uuid), uuid, 1100);
    const newest = (await topicSequences(server, meetingTopic(uuid))).at(-1)!;
    const client = server.ws();
    const watch = collect(client, LIVE, { id: chair.meetingId, after: liveCursor });
    const [resync] = await watch.waitFor(1);
    expect(resync.meetingChanged).toMatchObject({
      kind: 'RESYNC',
      cursor: newest,
      meeting: { id: chair.meetingId, version: chair.version },
    });
    const version = await chairChange(chair, 0);
    const [, next] = await watch.waitFor(2);
    expect(next.meetingChanged.kind).toBe('TIMER_PAUSED');
    expect(next.meetingChanged.meeting.version).toBe(version);
    expect(BigInt(next.meetingChanged.cursor) > BigInt(newest)).toBe(true);
    expect(watch.values).toHaveLength(2);
    await client.dispose();
  });

  test('exactly 1,000 missed events are all replayed', async () => {
    const uuid = uuidOf(chair.meetingId);
    const { liveCursor } = (await server.gql(SNAPSHOT, { id: chair.meetingId }, chair.cookie)).data!.meeting;
    await recordQuietly(server, meetingTopic(uuid), uuid, 1000);
    const client = server.ws();
    const watch = collect(client, LIVE, { id: chair.meetingId, after: liveCursor });
    const replayed = await watch.waitFor(1000, 60_000);
    expect(replayed.every((event) => event.meetingChanged.kind === 'TIMER_PAUSED')).toBe(true);
    await client.dispose();
  }, 90_000);

  test("the party's and the coordinator's queue's live fields resync too", async () => {
    const contact = await partyWithContact(server);
    const coordinator = await server.signIn('coordinator');
    const client = server.ws(contact.cookie);
    const party = collect(
      client,
      'subscription($id: ID!, $after: String) { accessionChanged(partyId: $id, after: $after) { cursor kind party { id } } }',
      { id: contact.partyId, after: '999999999999' },
    );
    const coordinatorClient = server.ws(coordinator);
    const queue = collect(
      coordinatorClient,
      'subscription($after: String) { coordinatorQueueChanged(after: $after) { cursor kind } }',
      { after: '999999999999' },
    );
    const [partyResync] = await party.waitFor(1);
    expect(partyResync.accessionChanged).toMatchObject({ kind: 'RESYNC', party: { id: contact.partyId } });
    const [queueResync] = await queue.waitFor(1);
    expect(queueResync.coordinatorQueueChanged.kind).toBe('RESYNC');
    const { coordinatorQueueCursor } = (await server.gql('{ coordinatorQueueCursor }', {}, coordinator))
      .data!;
    expect(queueResync.coordinatorQueueChanged.cursor).toBe(coordinatorQueueCursor);
    await client.dispose();
    await coordinatorClient.dispose();
  });

  test('a cursor the log never reached gets a RESYNC', async () => {
    const client = server.ws();
    const watch = collect(client, LIVE, { id: chair.meetingId, after: '999999999999' });
    const [resync] = await watch.waitFor(1);
    expect(resync.meetingChanged.kind).toBe('RESYNC');
    await client.dispose();
  });
});

describe('retention', () => {
  let server: TestServer;
  let chair: Chair;
  beforeAll(async () => {
    server = await startTestServer({ SAMVERKA_METRICS: 'true' });
    chair = await startedMeeting(server);
  });
  afterAll(() => server?.close());

  test('events older than the retention are pruned, and a cursor older than that gets a RESYNC', async () => {
    const uuid = uuidOf(chair.meetingId);
    const { liveCursor } = (await server.gql(SNAPSHOT, { id: chair.meetingId }, chair.cookie)).data!.meeting;
    await chairChange(chair, 0);
    await chairChange(chair, 1);
    const connection = server.orm.em.fork().getConnection();
    await connection.execute("update live_event set occurred_at = now() - interval '73 hours'");
    await recordQuietly(server, meetingTopic(uuid), uuid, 2);
    // Two instances pruning at once delete each old event once between them.
    const pruned = await Promise.all([
      pruneLiveEvents(server.orm.em, 72),
      pruneLiveEvents(server.orm.em, 72),
    ]);
    const [left] = await connection.execute('select count(*)::int as n from live_event');
    expect(left!.n).toBe(2);
    expect(pruned[0]! + pruned[1]!).toBeGreaterThanOrEqual(3);

    const client = server.ws();
    const watch = collect(client, LIVE, { id: chair.meetingId, after: liveCursor });
    const [resync] = await watch.waitFor(1);
    expect(resync.meetingChanged).toMatchObject({ kind: 'RESYNC', meeting: { version: chair.version } });
    await client.dispose();
  });

  test('a server prunes when it starts (and every ten minutes after)', async () => {
    const uuid = uuidOf(chair.meetingId);
    await recordQuietly(server, meetingTopic(uuid), uuid, 5);
    const connection = server.orm.em.fork().getConnection();
    await connection.execute("update live_event set occurred_at = now() - interval '5 hours'");
    const other = await startTestServer({ LIVE_EVENT_RETENTION_HOURS: '4' }, server.databaseUrl);
    await until(
      async () => (await connection.execute('select count(*)::int as n from live_event'))[0]!.n === 0,
      10_000,
      'pruning at start',
    );
    await other.close();
  });

  test("the hub's memory follows what is watched now", async () => {
    const clients = Array.from({ length: 3 }, () => server.ws());
    const watches = clients.map((client) => collect(client, LIVE, { id: chair.meetingId }));
    await until(async () => (await metrics(server)).liveTopics === 1, 5000, 'one watched topic');
    for (let i = 0; i < 20; i++) {
      await server.orm.em
        .fork()
        .transactional((tx) =>
          publishLiveEvent(tx, { topic: partyTopic(crypto.randomUUID()), kind: 'PARTY_UPDATED' }),
        );
    }
    await chairChange(chair, 0);
    await Promise.all(watches.map((watch) => watch.waitFor(1)));
    expect(await metrics(server)).toMatchObject({ liveTopics: 1, liveGroups: 1 });
    await Promise.all(clients.map((client) => client.dispose()));
    await until(async () => (await metrics(server)).liveTopics === 0, 5000, 'no watched topic');
    expect((await metrics(server)).liveGroups).toBe(0);
  });
});

describe('the listener catches up on every topic after a lost connection', () => {
  let server: TestServer;
  let chair: Chair;
  beforeAll(async () => {
    server = await startTestServer();
    chair = await startedMeeting(server);
  });
  afterAll(() => server?.close());

  test('an event of another topic that commits later with a lower sequence is still delivered', async () => {
    const member = await server.signIn('member');
    const { socket, closed, acked } = rawSocket(server, member);
    await acked;
    const connection = server.orm.em.fork().getConnection();
    const [session] = await connection.execute<{ id: string }[]>(
      "select s.id from session s join person p on p.id = s.person_id where p.email = 'forening@samverka.example' order by s.created_at desc limit 1",
    );
    const watcher = server.ws();
    const watch = collect(watcher, LIVE, { id: chair.meetingId });
    await until(() => liveMetrics.subscribers > 0, 5000, 'subscription');

    // The session's end takes the lower sequence but commits last, while the listener is disconnected.
    let commitSessionEnd!: () => void;
    const held = new Promise<void>((resolve) => (commitSessionEnd = resolve));
    let recorded!: () => void;
    const sessionRecorded = new Promise<void>((resolve) => (recorded = resolve));
    const sessionEnd = server.orm.em.fork().transactional(async (tx) => {
      await publishLiveEvent(tx, {
        topic: sessionTopic(session!.id),
        kind: 'SESSION_ENDED',
        subjectId: session!.id,
      });
      recorded();
      await held;
    });
    await sessionRecorded;
    await chairChange(chair, 0);
    await watch.waitFor(1);

    await connection.execute(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'samverka-live-listener' and datname = current_database()",
    );
    commitSessionEnd();
    await sessionEnd;
    expect(await closed).toBe(4403);
    socket.terminate();

    await until(async () => {
      const [row] = await connection.execute(
        "select count(*)::int as n from pg_stat_activity where application_name = 'samverka-live-listener' and datname = current_database()",
      );
      return row!.n === 1;
    });
    await chairChange(chair, 1);
    await watch.waitFor(2);
    expect(watch.values).toHaveLength(2);
    await watcher.dispose();
  });
});

describe('the listener on its own', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  test('forgets old topics as it rotates, and still catches up on what committed while it was away', async () => {
    const received: LiveEventMessage[] = [];
    const listener = new LiveEventListener(
      server.databaseUrl,
      (event) => received.push(event),
      createLogger('silent'),
    );
    await listener.start();
    const publish = (topic: string) =>
      server.orm.em.fork().transactional((tx) => publishLiveEvent(tx, { topic, kind: 'PARTY_UPDATED' }));
    for (let i = 0; i < 10; i++) await publish(partyTopic(crypto.randomUUID()));
    await until(() => received.length === 10);
    expect(listener.rememberedTopics).toBe(10);
    for (let i = 0; i < 3; i++) await listener.rotate();
    expect(listener.rememberedTopics).toBe(0);

    const late = partyTopic(crypto.randomUUID());
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let recorded!: () => void;
    const isRecorded = new Promise<void>((resolve) => (recorded = resolve));
    const lateWrite = server.orm.em.fork().transactional(async (tx) => {
      await publishLiveEvent(tx, { topic: late, kind: 'PARTY_UPDATED' });
      recorded();
      await held;
    });
    await isRecorded;
    await publish(partyTopic(crypto.randomUUID()));
    await until(() => received.length === 11);
    await listener.rotate();
    await server.orm.em
      .fork()
      .getConnection()
      .execute(
        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'samverka-live-listener' and datname = current_database()",
      );
    commit();
    await lateWrite;
    await until(() => received.some((event) => event.topic === late), 10_000, 'the late event');
    await listener.stop();
    expect(received).toHaveLength(12);
  });
});

describe('a socket that stops reading', () => {
  let server: TestServer;
  let chair: Chair;
  beforeAll(async () => {
    server = await startTestServer({ LIVE_MAX_BUFFERED_BYTES: '65536' });
    chair = await startedMeeting(server);
  });
  afterAll(() => server?.close());

  test('is closed with 1013 once its buffer passes the bound, while the others get every change', async () => {
    const uuid = uuidOf(chair.meetingId);
    // Large payloads, so that the kernel's buffers fill after a few changes.
    await server.orm.em
      .fork()
      .getConnection()
      .execute("update agenda_item set decision = repeat('beslut ', 20000) where meeting_id = ?", [uuid]);
    const query = `subscription($id: ID!) { meetingChanged(meetingId: $id) { cursor meeting { agenda { decision } } } }`;
    const slow = rawSocket(server);
    await slow.acked;
    slow.socket.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { id: chair.meetingId } } }),
    );
    const reader = server.ws();
    const watch = collect(reader, query, { id: chair.meetingId });
    await until(() => liveMetrics.subscribers >= 2, 5000, 'two subscribers');
    slow.socket.pause();

    const closedBefore = socketMetrics.slowConsumersClosed;
    let changes = 0;
    while (socketMetrics.slowConsumersClosed === closedBefore) {
      expect(changes).toBeLessThan(500);
      await server.orm.em
        .fork()
        .transactional((tx) =>
          publishLiveEvent(tx, { topic: meetingTopic(uuid), kind: 'TIMER_PAUSED', subjectId: uuid }),
        );
      changes++;
      await watch.waitFor(changes, 30_000);
    }
    // Once it reads again, it finds what was sent before the bound was passed, then the close frame.
    slow.socket.resume();
    expect(await slow.closed).toBe(1013);
    await until(() => liveMetrics.subscribers === 1, 10_000, 'the slow subscriber to be dropped');
    await reader.dispose();
  }, 90_000);
});

describe('watchers are grouped by what decides their payload, not by person', () => {
  let server: TestServer;
  let chair: Chair;
  beforeAll(async () => {
    server = await startTestServer();
    chair = await startedMeeting(server);
  });
  afterAll(() => server?.close());

  test('members, chairs, the coordinator and signed-out viewers: one execution per kind', async () => {
    const query = `subscription($id: ID!) { meetingChanged(meetingId: $id) { cursor meeting { version viewerCanChair } } }`;
    const members = await Promise.all(Array.from({ length: 4 }, () => registerPerson(server)));
    const viewers = [
      ...members.map((member) => ({ kind: 'member', cookie: member.cookie as string | undefined })),
      { kind: 'member', cookie: await server.signIn('member') },
      { kind: 'chair', cookie: chair.cookie },
      { kind: 'coordinator', cookie: await server.signIn('coordinator') },
      { kind: 'coordinator', cookie: await server.signIn('coordinator') },
      ...Array.from({ length: 3 }, () => ({ kind: 'signed-out', cookie: undefined })),
    ];
    const clients = viewers.map((viewer) => server.ws(viewer.cookie));
    const watches = clients.map((client) => collect(client, query, { id: chair.meetingId }));
    await until(() => liveMetrics.subscribers >= viewers.length, 10_000, 'every viewer');
    const executions = liveMetrics.executions;
    const version = await chairChange(chair, 0);
    await Promise.all(watches.map((watch) => watch.waitFor(1)));
    expect(liveMetrics.executions - executions).toBe(4);
    viewers.forEach((viewer, i) => {
      expect(watches[i]!.values[0].meetingChanged.meeting).toEqual({
        version,
        viewerCanChair: viewer.kind === 'chair' || viewer.kind === 'coordinator',
      });
    });
    await Promise.all(clients.map((client) => client.dispose()));
  });

  test('a payload that depends on the person is executed per person', async () => {
    const query = `subscription($id: ID!) { meetingChanged(meetingId: $id) { meeting { forum { meetings(first: 20) { edges { node { id } } } } } } }`;
    const members = await Promise.all(Array.from({ length: 3 }, () => registerPerson(server)));
    const clients = [...members.map((member) => server.ws(member.cookie)), server.ws(), server.ws()];
    const watches = clients.map((client) => collect(client, query, { id: chair.meetingId }));
    await until(() => liveMetrics.subscribers >= clients.length, 10_000, 'every viewer');
    const executions = liveMetrics.executions;
    await chairChange(chair, 1);
    await Promise.all(watches.map((watch) => watch.waitFor(1)));
    expect(liveMetrics.executions - executions).toBe(4);
    await Promise.all(clients.map((client) => client.dispose()));
  });
});
