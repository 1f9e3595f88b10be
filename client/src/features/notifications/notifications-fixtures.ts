import { shallowRef } from 'vue';
import type { LiveSocket } from '../../lib/live/live-socket';

/** A notification as the fake API answers it. */
export function sampleNotification(n: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `N${n}`,
    kind: 'SUBMISSION_STEP',
    createdAt: `2026-11-${String(30 - n).padStart(2, '0')}T09:00:00Z`,
    readAt: n % 2 ? null : '2026-11-30T10:00:00Z',
    params: [
      { name: 'action', value: 'REGISTER' },
      { name: 'status', value: 'REGISTERED' },
    ],
    submission: { id: `S${n}`, registrationNumber: `SR ${n}/2026`, title: `Lokaler ${n}` },
    invitation: null,
    ...overrides,
  };
}

/** The signed-in viewer with notifications, paged as the server pages them (offset cursors). */
export function notificationViewer(
  all: ReturnType<typeof sampleNotification>[],
  extra: Record<string, unknown> = {},
) {
  return {
    id: 'V1',
    name: 'Anna Samordnare',
    email: 'anna@example.se',
    isCoordinator: true,
    unreadNotificationCount: all.filter((n) => !n.readAt).length,
    notificationsCursor: '7',
    notificationPreferences: [
      { kind: 'SUBMISSION_STEP', delivery: 'IMMEDIATE' },
      { kind: 'SUBMISSION_ANSWERED', delivery: 'IMMEDIATE' },
      { kind: 'SUBMISSION_MESSAGE', delivery: 'DAILY' },
    ],
    notifications: ({ first, after }: { first?: number; after?: string }) => {
      const offset = after ? Number(after) + 1 : 0;
      const page = all.slice(offset, offset + (first ?? 20));
      return {
        totalCount: all.length,
        pageInfo: {
          hasNextPage: offset + page.length < all.length,
          hasPreviousPage: offset > 0,
          startCursor: page.length ? String(offset) : null,
          endCursor: page.length ? String(offset + page.length - 1) : null,
        },
        edges: page.map((node, i) => ({ cursor: String(offset + i), node })),
      };
    },
    ...extra,
  };
}

/** A live socket whose events the test sends by hand: what each subscription asked for, and a sender. */
export function handDrivenSocket() {
  const sinks: { variables: Record<string, unknown>; next: (value: unknown) => void }[] = [];
  const socket: LiveSocket = {
    client: {
      subscribe: (
        payload: { variables?: Record<string, unknown> },
        sink: { next: (value: unknown) => void },
      ) => {
        sinks.push({ variables: payload.variables ?? {}, next: sink.next });
        return () => {};
      },
    } as never,
    status: shallowRef({ connection: 'connected', everConnected: true, failures: 0 }),
    dispose: async () => {},
  };
  return {
    socket,
    sinks,
    send(cursor: string, unreadNotificationCount: number) {
      for (const sink of sinks) {
        sink.next({
          data: { notificationsChanged: { cursor, kind: 'NOTIFICATIONS_CHANGED', unreadNotificationCount } },
        });
      }
    },
  };
}
