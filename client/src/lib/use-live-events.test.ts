import { describe, expect, test, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import { parse } from 'graphql';
import { FAILURES_BEFORE_DISCONNECTED } from '../features/live/use-live-meeting';
import { fakeWsClient } from '../../tests/fake-ws';
import {
  initialLiveEventsState,
  liveEventsReducer,
  useLiveEvents,
  type LiveEventsAction,
} from './use-live-events';

const run = (actions: LiveEventsAction[]) => actions.reduce(liveEventsReducer, initialLiveEventsState());

describe('liveEventsReducer', () => {
  test.each([
    ['starts connecting', [], 'connecting', null],
    ['connected', [{ type: 'connected' }], 'connected', null],
    [
      'a drop after being connected is reconnecting',
      [{ type: 'connected' }, { type: 'closed' }],
      'reconnecting',
      null,
    ],
    ['first attempt failing is still connecting', [{ type: 'closed' }], 'connecting', null],
    [
      'repeated failures are disconnected',
      Array.from({ length: FAILURES_BEFORE_DISCONNECTED }, () => ({ type: 'closed' })),
      'disconnected',
      null,
    ],
    ['browser offline', [{ type: 'connected' }, { type: 'offline' }], 'disconnected', null],
    ['an event records its cursor', [{ type: 'event', cursor: 'c1' }], 'connecting', 'c1'],
    [
      'a replayed cursor does not move back',
      [
        { type: 'event', cursor: 'c1' },
        { type: 'event', cursor: 'c2' },
        { type: 'event', cursor: 'c1' },
      ],
      'connecting',
      'c2',
    ],
  ] as [string, LiveEventsAction[], string, string | null][])('%s', (_name, actions, connection, cursor) => {
    const state = run(actions);
    expect(state.connection).toBe(connection);
    expect(state.lastCursor).toBe(cursor);
  });
});

const DOCUMENT = parse('subscription S($after: String) { changed(after: $after) { cursor } }');
type Data = { changed: { cursor: string } };

describe('useLiveEvents', () => {
  function setup() {
    const ws = fakeWsClient();
    const onEvent = vi.fn();
    const onReconnect = vi.fn();
    const live = useLiveEvents<Data>({
      document: DOCUMENT,
      variables: { partyId: 'P1' },
      cursorOf: (data) => data.changed.cursor,
      onEvent,
      onReconnect,
      factory: ws.factory,
    });
    return { ws, onEvent, onReconnect, live };
  }

  test('subscribes at once without a cursor and hands each new event over once', () => {
    const { ws, onEvent } = setup();
    expect(ws.current()?.variables).toEqual({ partyId: 'P1', after: null });
    ws.current()!.sink.next({ data: { changed: { cursor: '5' } } });
    ws.current()!.sink.next({ data: { changed: { cursor: '5' } } });
    ws.current()!.sink.next({ data: { changed: { cursor: '6' } } });
    expect(onEvent.mock.calls.map(([data]) => data.changed.cursor)).toEqual(['5', '6']);
  });

  test('after a dropped connection it resumes from the last cursor and asks for a refetch', () => {
    const { ws, onReconnect, live } = setup();
    ws.emit('connected');
    ws.current()!.sink.next({ data: { changed: { cursor: '7' } } });
    ws.emit('closed');
    expect(live.state.value.connection).toBe('reconnecting');
    ws.emit('connected');
    expect(ws.current()?.variables).toEqual({ partyId: 'P1', after: '7' });
    expect(onReconnect).toHaveBeenCalledOnce();
    expect(live.state.value.connection).toBe('connected');
  });

  test('a refused subscription is reported', () => {
    const { ws, live } = setup();
    ws.current()!.sink.next({ errors: [{ message: 'Forbidden' }] } as never);
    expect(live.state.value.failed).toBe(true);
  });

  test("with the query's cursor it waits for it and starts after it, missing nothing in between", async () => {
    const ws = fakeWsClient();
    const startAfter = ref<string | null>(null);
    useLiveEvents<Data>({
      document: DOCUMENT,
      variables: { partyId: 'P1' },
      cursorOf: (data) => data.changed.cursor,
      onEvent: vi.fn(),
      startAfter,
      factory: ws.factory,
    });
    expect(ws.subscriptions).toHaveLength(0);
    startAfter.value = '12';
    await nextTick();
    expect(ws.current()?.variables).toEqual({ partyId: 'P1', after: '12' });
  });

  test('dispose closes the client and ignores late events', () => {
    const { ws, onEvent, live } = setup();
    const sub = ws.current()!;
    live.dispose();
    sub.sink.next({ data: { changed: { cursor: '9' } } });
    expect(onEvent).not.toHaveBeenCalled();
    expect(ws.disposed()).toBe(true);
  });
});
