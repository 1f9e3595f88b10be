import { describe, expect, test, vi } from 'vitest';
import { fakeWsClient } from '../../../tests/fake-ws';
import { useCoordinatorQueueLive } from './use-coordinator-queue';

describe('useCoordinatorQueueLive', () => {
  test.each([
    ['one event', ['1'], 1],
    ['two events', ['1', '2'], 2],
    ['a replayed event is not refetched twice', ['1', '2', '1'], 2],
  ])('%s', (_name, cursors, refetches) => {
    const ws = fakeWsClient();
    const refetch = vi.fn().mockResolvedValue(undefined);
    const { updates } = useCoordinatorQueueLive(refetch, { factory: ws.factory });
    for (const cursor of cursors)
      ws.current()!.sink.next({ data: { coordinatorQueueChanged: { cursor, kind: 'ACCESSION_REQUESTED' } } });
    expect(refetch).toHaveBeenCalledTimes(refetches);
    expect(updates.value).toBe(refetches);
  });

  test('a reconnect refetches (events may have been missed) and resumes from the last cursor', () => {
    const ws = fakeWsClient();
    const refetch = vi.fn().mockResolvedValue(undefined);
    useCoordinatorQueueLive(refetch, { factory: ws.factory });
    ws.emit('connected');
    ws.current()!.sink.next({
      data: { coordinatorQueueChanged: { cursor: '4', kind: 'NOMINATION_CREATED' } },
    });
    ws.emit('closed');
    ws.emit('connected');
    expect(refetch).toHaveBeenCalledTimes(2);
    expect(ws.current()?.variables).toEqual({ after: '4' });
  });

  test('a failing refetch does not throw out of the event handler', () => {
    const ws = fakeWsClient();
    const refetch = vi.fn().mockRejectedValue(new Error('offline'));
    useCoordinatorQueueLive(refetch, { factory: ws.factory });
    expect(() =>
      ws.current()!.sink.next({ data: { coordinatorQueueChanged: { cursor: '1', kind: 'X' } } }),
    ).not.toThrow();
  });
});
