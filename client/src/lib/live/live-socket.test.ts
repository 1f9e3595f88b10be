import { describe, expect, test } from 'vitest';
import {
  connectionReducer,
  FAILURES_BEFORE_DISCONNECTED,
  initialConnectionStatus,
  liveUrl,
  retryDelayMs,
  type ConnectionEvent,
} from './live-socket';

describe('connectionReducer', () => {
  const run = (events: ConnectionEvent[]) => events.reduce(connectionReducer, initialConnectionStatus());
  test.each([
    ['starts connecting', [], 'connecting'],
    ['connected', ['connected'], 'connected'],
    ['a drop after being connected is reconnecting', ['connected', 'closed'], 'reconnecting'],
    ['back again', ['connected', 'closed', 'connected'], 'connected'],
    ['first attempt failing is still connecting', ['closed'], 'connecting'],
    [
      'repeated failures are disconnected',
      Array.from({ length: FAILURES_BEFORE_DISCONNECTED }, () => 'closed'),
      'disconnected',
    ],
    [
      'repeated failures while reconnecting are disconnected',
      ['connected', ...Array.from({ length: FAILURES_BEFORE_DISCONNECTED + 1 }, () => 'closed')],
      'disconnected',
    ],
    ['browser offline', ['connected', 'offline'], 'disconnected'],
  ] as [string, ConnectionEvent[], string][])('%s', (_name, events, expected) => {
    expect(run(events).connection).toBe(expected);
  });
});

describe('helpers', () => {
  test('liveUrl follows the page origin', () => {
    expect(liveUrl({ protocol: 'https:', host: 'samverka.example' })).toBe('wss://samverka.example/graphql');
    expect(liveUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/graphql');
  });

  test.each([0, 1, 2, 5, 20])('retry delay after %i retries backs off, capped around 3 s', (retries) => {
    const delay = retryDelayMs(retries);
    expect(delay).toBeGreaterThanOrEqual(Math.min(3000, 250 * 2 ** retries));
    expect(delay).toBeLessThan(3250);
  });
});
