import { describe, expect, test } from 'vitest';
import type { Client, ClientOptions, Sink } from 'graphql-ws';
import type { LiveMeetingFragment } from '../../gql/graphql';
import {
  FAILURES_BEFORE_DISCONNECTED,
  initialLiveState,
  liveReducer,
  liveUrl,
  retryDelayMs,
  useLiveMeeting,
  type LiveAction,
  type LiveState,
} from './use-live-meeting';

function meeting(version: number, title = `v${version}`): LiveMeetingFragment {
  return {
    id: 'M1',
    title,
    startsAt: '2026-03-03T13:00:00Z',
    location: null,
    status: 'IN_PROGRESS',
    version,
    liveCursor: `c${version}-snapshot`,
    startedAt: '2026-03-03T13:00:00Z',
    closedAt: null,
    timerPaused: false,
    forum: { id: 'F1', slug: 'samverkansradet', name: 'Samverkansrådet' },
    currentItem: null,
    agenda: [],
  };
}

const run = (actions: LiveAction[], from: LiveState = initialLiveState()) =>
  actions.reduce(liveReducer, from);

describe('liveReducer: events', () => {
  test('an event replaces the meeting and records its cursor', () => {
    const state = run([{ type: 'event', cursor: 'c1', meeting: meeting(2) }]);
    expect(state.meeting?.version).toBe(2);
    expect(state.lastCursor).toBe('c1');
  });

  test('an event whose cursor was already seen is ignored (replay after reconnect)', () => {
    const state = run([
      { type: 'event', cursor: 'c1', meeting: meeting(2) },
      { type: 'event', cursor: 'c2', meeting: meeting(3) },
      { type: 'event', cursor: 'c1', meeting: meeting(2, 'replayed') },
    ]);
    expect(state.meeting?.version).toBe(3);
    expect(state.lastCursor).toBe('c2');
  });

  test.each([
    [
      'HTTP snapshot first, then an event',
      [
        { type: 'initial', meeting: meeting(1) },
        { type: 'event', cursor: 'c1', meeting: meeting(2) },
      ],
      2,
    ],
    [
      'event first, older HTTP snapshot does not win',
      [
        { type: 'event', cursor: 'c1', meeting: meeting(2) },
        { type: 'initial', meeting: meeting(1) },
      ],
      2,
    ],
    [
      'newer HTTP snapshot wins over an older event',
      [
        { type: 'event', cursor: 'c1', meeting: meeting(2) },
        { type: 'initial', meeting: meeting(5) },
      ],
      5,
    ],
  ] as [string, LiveAction[], number][])('%s', (_name, actions, version) => {
    expect(run(actions).meeting?.version).toBe(version);
  });
});

describe('liveReducer: snapshot cursor', () => {
  test('the snapshot gives the cursor to subscribe from', () => {
    expect(run([{ type: 'initial', meeting: meeting(1) }]).lastCursor).toBe('c1-snapshot');
  });

  test('a cursor from a live event is not replaced by the snapshot', () => {
    const state = run([
      { type: 'event', cursor: 'c7', meeting: meeting(7) },
      { type: 'initial', meeting: meeting(6) },
    ]);
    expect(state.lastCursor).toBe('c7');
  });
});

describe('liveReducer: connection state', () => {
  test.each([
    ['starts connecting', [], 'connecting'],
    ['connected', [{ type: 'connected' }], 'connected'],
    [
      'a drop after being connected is reconnecting',
      [{ type: 'connected' }, { type: 'closed' }],
      'reconnecting',
    ],
    ['back again', [{ type: 'connected' }, { type: 'closed' }, { type: 'connected' }], 'connected'],
    ['first attempt failing is still connecting', [{ type: 'closed' }], 'connecting'],
    [
      'repeated failures are disconnected',
      Array.from({ length: FAILURES_BEFORE_DISCONNECTED }, () => ({ type: 'closed' })),
      'disconnected',
    ],
    [
      'repeated failures while reconnecting are disconnected',
      [
        { type: 'connected' },
        ...Array.from({ length: FAILURES_BEFORE_DISCONNECTED + 1 }, () => ({ type: 'closed' })),
      ],
      'disconnected',
    ],
    ['browser offline', [{ type: 'connected' }, { type: 'offline' }], 'disconnected'],
    ['client gave up', [{ type: 'gaveUp' }], 'disconnected'],
  ] as [string, LiveAction[], string][])('%s', (_name, actions, expected) => {
    expect(run(actions).connection).toBe(expected);
  });
});

describe('helpers', () => {
  test('liveUrl follows the page origin', () => {
    expect(liveUrl({ protocol: 'https:', host: 'samverka.example' })).toBe('wss://samverka.example/graphql');
    expect(liveUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/graphql');
  });

  test.each([0, 1, 2, 5, 20])('retry delay after %i retries is capped around 3 s', (retries) => {
    const delay = retryDelayMs(retries);
    expect(delay).toBeGreaterThanOrEqual(Math.min(3000, 250 * 2 ** retries));
    expect(delay).toBeLessThan(3250);
  });
});

/** A stand-in for graphql-ws's client that records subscriptions and lets the test emit events. */
function fakeClient() {
  const listeners: Record<string, ((...args: unknown[]) => void)[]> = {};
  const subscriptions: { variables: Record<string, unknown>; sink: Sink; disposed: boolean }[] = [];
  let options: ClientOptions | undefined;
  const client = {
    on: (event: string, listener: (...args: unknown[]) => void) => {
      (listeners[event] ??= []).push(listener);
      return () => {
        listeners[event] = (listeners[event] ?? []).filter((l) => l !== listener);
      };
    },
    subscribe: (payload: { variables: Record<string, unknown> }, sink: Sink) => {
      const sub = { variables: payload.variables, sink, disposed: false };
      subscriptions.push(sub);
      return () => {
        sub.disposed = true;
      };
    },
    dispose: () => {},
  } as unknown as Client;
  return {
    factory: (o: ClientOptions) => ((options = o), client),
    emit: (event: string) => (listeners[event] ?? []).forEach((l) => l()),
    subscriptions,
    options: () => options,
  };
}

describe('useLiveMeeting with a fake socket', () => {
  test('subscribes from the snapshot, resubscribes after a reconnect from the last cursor, skips replays', () => {
    const fake = fakeClient();
    const live = useLiveMeeting('M1', { url: 'ws://test/graphql', factory: fake.factory });
    expect(fake.options()).toMatchObject({ url: 'ws://test/graphql', lazy: false, retryAttempts: Infinity });
    expect(fake.options()?.shouldRetry?.(new Error('x'))).toBe(true);
    expect(fake.subscriptions).toHaveLength(0);
    live.seed(meeting(1));
    live.seed(meeting(1));
    expect(fake.subscriptions).toHaveLength(1);
    expect(fake.subscriptions[0]?.variables).toEqual({ meetingId: 'M1', after: 'c1-snapshot' });

    fake.emit('connected');
    expect(live.state.value.connection).toBe('connected');
    fake.subscriptions[0]?.sink.next({ data: { meetingChanged: { cursor: 'c1', meeting: meeting(2) } } });
    fake.subscriptions[0]?.sink.next({ data: { meetingChanged: { cursor: 'c2', meeting: meeting(3) } } });

    fake.emit('closed');
    expect(live.state.value.connection).toBe('reconnecting');
    fake.emit('connected');
    expect(fake.subscriptions[0]?.disposed).toBe(true);
    expect(fake.subscriptions).toHaveLength(2);
    expect(fake.subscriptions[1]?.variables).toEqual({ meetingId: 'M1', after: 'c2' });

    // The old subscription's late messages are ignored; a replay of c2 is skipped.
    fake.subscriptions[0]?.sink.next({ data: { meetingChanged: { cursor: 'c9', meeting: meeting(9) } } });
    fake.subscriptions[1]?.sink.next({
      data: { meetingChanged: { cursor: 'c2', meeting: meeting(3, 'dup') } },
    });
    fake.subscriptions[1]?.sink.next({ data: { meetingChanged: { cursor: 'c3', meeting: meeting(4) } } });
    expect(live.state.value.meeting?.version).toBe(4);
    expect(live.state.value.lastCursor).toBe('c3');

    live.seed(meeting(2));
    expect(live.state.value.meeting?.version).toBe(4);
    expect(fake.subscriptions).toHaveLength(2);
    live.dispose();
  });

  test('without a snapshot, start() subscribes from the live edge', () => {
    const fake = fakeClient();
    const live = useLiveMeeting('M1', { url: 'ws://test/graphql', factory: fake.factory });
    live.start();
    expect(fake.subscriptions[0]?.variables).toEqual({ meetingId: 'M1', after: null });
    live.dispose();
  });
});
