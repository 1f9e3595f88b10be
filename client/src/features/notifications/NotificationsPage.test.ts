import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, type FakeApiOptions } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import NotificationsPage from './NotificationsPage.vue';
import NotificationBell from './NotificationBell.vue';
import { handDrivenSocket, notificationViewer, sampleNotification } from './notifications-fixtures';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const twentyFive = Array.from({ length: 25 }, (_, i) => sampleNotification(i + 1));

async function setup(
  component: typeof NotificationsPage | typeof NotificationBell,
  options: FakeApiOptions = {},
  locale: 'sv' | 'en' = 'sv',
) {
  const live = handDrivenSocket();
  const mounted = await mountInPage(component, {
    locale,
    props: { socket: live.socket },
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn: true,
          ...options,
          resolvers: { viewer: () => notificationViewer(twentyFive), ...options.resolvers },
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 4; i++) await flushPromises();
  return { page: mounted.wrapper, live, router: mounted.router };
}

describe('the notifications page', () => {
  test.each([
    ['sv', 'SR 1/2026: Lokaler 1 har registrerats.', 'Oläst', 'Markera alla som lästa'],
    ['en', 'SR 1/2026: Lokaler 1 has been registered.', 'Unread', 'Mark all as read'],
  ] as const)(
    'lists newest first, unread marked in words, axe clean (%s)',
    async (locale, first, unread, markAll) => {
      const { page } = await setup(NotificationsPage, {}, locale);
      const items = page.findAll('.notification-list li');
      expect(items).toHaveLength(20);
      expect(items[0]!.text()).toContain(first);
      expect(items[0]!.find('.badge').text()).toBe(unread);
      expect(items[1]!.find('.badge').exists()).toBe(false);
      expect(items[0]!.get('a').attributes('href')).toBe('/arenden/S1');
      expect(page.get('button').text()).toBe(markAll);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('renders answers, messages and restricted matters from kind and params', async () => {
    const { page } = await setup(NotificationsPage, {
      resolvers: {
        viewer: () =>
          notificationViewer([
            sampleNotification(1, {
              kind: 'SUBMISSION_ANSWERED',
              params: [{ name: 'action', value: 'RECORD_MEETING_ANSWER' }],
            }),
            sampleNotification(2, {
              kind: 'SUBMISSION_MESSAGE',
              params: [{ name: 'source', value: 'CONVERSATION' }],
            }),
            sampleNotification(3, { submission: { id: 'S3', registrationNumber: 'SR 3/2026', title: null } }),
          ]),
      },
    });
    expect(page.findAll('.notification-list li a').map((a) => a.text())).toEqual([
      'SR 1/2026: Lokaler 1 har besvarats genom beslut i Samverkansrådet.',
      'SR 2/2026: Lokaler 2 har ett nytt meddelande i samtalet.',
      'Ärende som hanteras utan publicering SR 3/2026 har registrerats.',
    ]);
  });

  test('opening one marks it read; "mark all" marks every one', async () => {
    const markNotificationRead = vi.fn((_args: { input: { notificationId: string } }) => ({
      notification: { id: 'N1', readAt: '2026-12-01T10:00:00Z' },
      unreadNotificationCount: 12,
      errors: [],
    }));
    const markAllNotificationsRead = vi.fn(() => ({
      markedCount: 13,
      unreadNotificationCount: 0,
      errors: [],
    }));
    const { page } = await setup(NotificationsPage, {
      resolvers: { markNotificationRead, markAllNotificationsRead } as never,
    });
    await page.get('.notification-list li a').trigger('click');
    await flushPromises();
    expect(markNotificationRead.mock.calls[0]![0]).toEqual({ input: { notificationId: 'N1' } });
    await page.get('button').trigger('click');
    await flushPromises();
    expect(markAllNotificationsRead).toHaveBeenCalled();
    expect(page.findAll('[role="status"]').map((s) => s.text())).toContain(
      'Alla aviseringar är markerade som lästa.',
    );
  });

  test('loads more and puts the keyboard on the first new one', async () => {
    const { page } = await setup(NotificationsPage);
    const more = page.findAll('button').find((b) => b.text() === 'Visa fler aviseringar')!;
    await more.trigger('click');
    for (let i = 0; i < 4; i++) await flushPromises();
    expect(page.findAll('.notification-list li')).toHaveLength(25);
    expect(document.activeElement?.textContent).toContain('SR 21/2026');
    expect(page.findAll('button').some((b) => b.text() === 'Visa fler aviseringar')).toBe(false);
  });

  test('says so when there are none, and when loading failed', async () => {
    const empty = await setup(NotificationsPage, { resolvers: { viewer: () => notificationViewer([]) } });
    expect(empty.page.text()).toContain('Du har inga aviseringar ännu.');
    expect(await axeViolations(document.body)).toEqual([]);
    wrapper!.unmount();
    wrapper = undefined;
    const failed = await setup(NotificationsPage, { failWith: 'INTERNAL_SERVER_ERROR' });
    expect(failed.page.get('[role="alert"]').text()).toContain('Försök igen');
  });

  test('signed out, it asks to sign in', async () => {
    const { page, live } = await setup(NotificationsPage, { resolvers: { viewer: () => null } });
    expect(page.get('a').attributes('href')).toBe('/logga-in');
    expect(page.text()).toContain('Logga in för att se dina aviseringar.');
    expect(live.sinks).toEqual([]);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('a preference is chosen per kind with radio buttons, by keyboard', async () => {
    const setNotificationPreference = vi.fn(({ input }: { input: { kind: string; delivery: string } }) => ({
      preference: input,
      errors: [],
    }));
    const { page } = await setup(NotificationsPage, { resolvers: { setNotificationPreference } as never });
    const group = page.findAll('fieldset')[0]!;
    expect(group.get('legend').text()).toBe('Nya steg i ärenden du följer');
    expect(group.findAll('label').map((l) => l.text())).toEqual([
      'Direkt',
      'Daglig sammanfattning',
      'Veckosammanfattning',
      'Ingen e-post',
    ]);
    expect((page.get('#delivery-SUBMISSION_MESSAGE-DAILY').element as HTMLInputElement).checked).toBe(true);
    const daily = group.get('#delivery-SUBMISSION_STEP-DAILY');
    (daily.element as HTMLInputElement).focus();
    await daily.setValue(true);
    await flushPromises();
    expect(setNotificationPreference.mock.calls[0]![0]).toEqual({
      input: { kind: 'SUBMISSION_STEP', delivery: 'DAILY' },
    });
    expect(group.text()).toContain('Ditt val är sparat.');
  });
});

/** The element's text without the parts a selector picks: what a screen reader or the eye gets. */
function textWithout(element: Element, selector: string): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll(selector).forEach((node) => node.remove());
  return copy.textContent!.replace(/\s+/g, ' ').replace('( ', '(').trim();
}

describe('the bell', () => {
  test.each([
    ['sv', 'Aviseringar (13 olästa)', 'Aviseringar (13)', 'Du har 14 olästa aviseringar.'],
    ['en', 'Notifications (13 unread)', 'Notifications (13)', 'You have 14 unread notifications.'],
  ] as const)(
    'shows the unread count and follows it live from its cursor (%s)',
    async (locale, name, visible, said) => {
      const { page, live } = await setup(NotificationBell, {}, locale);
      const link = page.get('a');
      expect(link.attributes('href')).toBe('/aviseringar');
      expect(textWithout(link.element, '[aria-hidden="true"]')).toBe(name);
      expect(textWithout(link.element, '.visually-hidden')).toBe(visible);
      expect(live.sinks[0]!.variables.after).toBe('7');
      live.send('8', 14);
      await flushPromises();
      expect(textWithout(page.get('a').element, '.visually-hidden')).toBe(visible.replace('13', '14'));
      expect(page.get('[aria-live="polite"]').text()).toBe(said);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('one unread notification is said in the singular', async () => {
    const { page, live } = await setup(NotificationBell, {}, 'sv');
    live.send('8', 1);
    await flushPromises();
    expect(textWithout(page.get('a').element, '[aria-hidden="true"]')).toBe('Aviseringar (1 oläst)');
    expect(page.get('[aria-live="polite"]').text()).toBe('Du har 1 oläst avisering.');
  });
});
