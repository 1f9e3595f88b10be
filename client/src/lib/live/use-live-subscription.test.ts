import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ref } from 'vue';
import { CoordinatorQueueChangedDocument } from '../../gql/graphql';
import { startLiveServer, type LiveServer } from '../../../tests/live-server';
import { createLiveSocket, type LiveSocket } from './live-socket';
import { RESYNC, useLiveSubscription } from './use-live-subscription';

const TOPIC = 'coordinator';
const WAIT = { timeout: 10_000, interval: 20 };

let server: LiveServer;
let socket: LiveSocket;
beforeEach(async () => {
  server = await startLiveServer();
  socket = createLiveSocket({ url: server.url, retryDelay: () => 0 });
});
afterEach(async () => {
  await socket.dispose().catch(() => {});
  await server.close();
});

function follow(after = '0') {
  const events: { cursor: string; kind: string; resync: boolean }[] = [];
  const live = useLiveSubscription({
    document: CoordinatorQueueChangedDocument,
    eventOf: (data) => data.coordinatorQueueChanged,
    startAfter: ref(after),
    onEvent: (event, resync) => events.push({ ...event, resync }),
    socket,
  });
  return { live, events, cursors: () => events.map((e) => e.cursor) };
}

const publish = (kind = 'ACCESSION_REQUESTED') => server.publish(TOPIC, (cursor) => ({ cursor, kind }));

describe('useLiveSubscription over a real socket', { timeout: 30_000 }, () => {
  test.each([
    [1001, 'server shutting down'],
    [1012, 'service restart'],
    [1013, 'try again later: the socket fell behind'],
  ])('after a close with %i (%s) it reconnects and resumes from its last cursor', async (code) => {
    const { live, cursors } = follow();
    const first = publish();
    await vi.waitFor(() => expect(cursors()).toEqual([first]), WAIT);
    const second = publish();
    await vi.waitFor(() => expect(cursors()).toEqual([first, second]), WAIT);
    expect(live.connection.value).toBe('connected');

    server.closeAll(code);
    const whileAway = publish();
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(2), WAIT);
    expect(server.subscribes[1]!.variables).toEqual({ after: second });
    await vi.waitFor(() => expect(cursors()).toEqual([first, second, whileAway]), WAIT);
    expect(server.connections()).toBe(2);
    expect(live.cursor.value).toBe(whileAway);
    expect(live.failed.value).toBe(false);
    await vi.waitFor(() => expect(live.connection.value).toBe('connected'), WAIT);
  });

  test('it starts after the cursor of the page query, missing nothing in between', async () => {
    const before = publish();
    const missed = publish();
    const startAfter = ref<string | null>(null);
    const events: string[] = [];
    useLiveSubscription({
      document: CoordinatorQueueChangedDocument,
      eventOf: (data) => data.coordinatorQueueChanged,
      startAfter,
      onEvent: ({ cursor }) => events.push(cursor),
      socket,
    });
    expect(server.connections()).toBe(0);
    startAfter.value = before;
    await vi.waitFor(() => expect(events).toEqual([missed]), WAIT);
    expect(server.subscribes[0]!.variables).toEqual({ after: before });
  });

  test('a RESYNC is handed over as one, and the subscription continues from its cursor', async () => {
    const { events, cursors } = follow();
    const first = publish();
    await vi.waitFor(() => expect(cursors()).toEqual([first]), WAIT);
    server.send(TOPIC, { cursor: '90', kind: RESYNC });
    await vi.waitFor(() => expect(cursors()).toEqual([first, '90']), WAIT);
    expect(events.map((e) => e.resync)).toEqual([false, true]);

    server.closeAll(1013);
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(2), WAIT);
    expect(server.subscribes[1]!.variables).toEqual({ after: '90' });
  });

  test('an event delivered twice is handled once', async () => {
    const { cursors } = follow();
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(1), WAIT);
    server.send(TOPIC, { cursor: '5', kind: 'X' });
    server.send(TOPIC, { cursor: '5', kind: 'X' });
    server.send(TOPIC, { cursor: '6', kind: 'X' });
    await vi.waitFor(() => expect(cursors()).toEqual(['5', '6']), WAIT);
  });

  test('dispose ends the subscription; events after it are not handled', async () => {
    const { live, cursors } = follow();
    const first = publish();
    await vi.waitFor(() => expect(cursors()).toEqual([first]), WAIT);
    live.dispose();
    publish();
    const other = follow();
    const third = publish();
    await vi.waitFor(() => expect(other.cursors()).toEqual([first, expect.any(String), third]), WAIT);
    expect(cursors()).toEqual([first]);
  });

  describe('the connection state tells the truth after a network blip', () => {
    test('offline and online again while the socket survives: connected as soon as the browser is back', async () => {
      const { live, cursors } = follow();
      const first = publish();
      await vi.waitFor(() => expect(cursors()).toEqual([first]), WAIT);
      expect(live.connection.value).toBe('connected');

      window.dispatchEvent(new Event('offline'));
      expect(live.connection.value).toBe('disconnected');
      window.dispatchEvent(new Event('online'));
      expect(live.connection.value).toBe('connected');
      expect(server.connections()).toBe(1);
    });

    test('an update arriving over the socket is proof of connection, whatever the browser said', async () => {
      const { live, cursors } = follow();
      const first = publish();
      await vi.waitFor(() => expect(cursors()).toEqual([first]), WAIT);

      window.dispatchEvent(new Event('offline'));
      expect(live.connection.value).toBe('disconnected');
      const second = publish();
      await vi.waitFor(() => expect(cursors()).toEqual([first, second]), WAIT);
      expect(live.connection.value).toBe('connected');
    });

    test('the server goes away and comes back on the same port: connected again, resuming', async () => {
      const { live, cursors } = follow();
      const first = publish();
      await vi.waitFor(() => expect(cursors()).toEqual([first]), WAIT);
      const port = Number(new URL(server.url).port);

      await server.close();
      await vi.waitFor(() => expect(live.connection.value).toBe('disconnected'), WAIT);
      server = await startLiveServer(port);
      await vi.waitFor(() => expect(live.connection.value).toBe('connected'), WAIT);
      await vi.waitFor(() => expect(server.subscribes[0]?.variables).toEqual({ after: first }), WAIT);
      server.send(TOPIC, { cursor: '2', kind: 'X' });
      await vi.waitFor(() => expect(cursors()).toEqual([first, '2']), WAIT);
      expect(live.connection.value).toBe('connected');
    });
  });
});
