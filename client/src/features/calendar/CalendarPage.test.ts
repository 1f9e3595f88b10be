import { afterEach, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, sampleMeeting } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import CalendarPage from './CalendarPage.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const FORUMS = [
  { id: 'F1', slug: 'samverkansradet', name: 'Samverkansrådet' },
  { id: 'F2', slug: 'c-natet', name: 'C-nätet' },
];

function page(titles: string[], hasNextPage: boolean, status = 'AGENDA_PUBLISHED') {
  return {
    totalCount: 3,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: hasNextPage ? 'c1' : null,
    },
    edges: titles.map((title, i) => ({
      cursor: `c${i}`,
      node: { ...sampleMeeting(), id: `M-${title}`, title, status: i === 1 ? 'CANCELLED' : status },
    })),
  };
}

async function setup(meetings: (args: Record<string, unknown>) => unknown, locale: 'sv' | 'en' = 'sv') {
  const mounted = await mountInPage(CalendarPage, {
    locale,
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          resolvers: {
            meetings: meetings as never,
            forums: () => ({
              totalCount: 2,
              pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
              edges: FORUMS.map((node, i) => ({ cursor: String(i), node })),
            }),
          },
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted;
}

test.each(['sv', 'en'] as const)(
  'lists upcoming meetings of every forum, cancelled ones as cancelled, axe clean in %s',
  async (locale) => {
    const meetings = vi.fn((_args: Record<string, unknown>) => page(['Möte A', 'Möte B'], true));
    const { wrapper: calendar } = await setup(meetings, locale);
    expect(meetings.mock.calls[0]![0]).toMatchObject({ first: 20, upcoming: true, forumId: null });
    const items = calendar.findAll('.meeting-list li').map((li) => li.text());
    expect(items[0]).toContain('Möte A');
    expect(items[1]).toContain(locale === 'sv' ? 'Inställt' : 'Cancelled');
    expect(calendar.get('a.feed-url').attributes('href')).toBe('/kalender.ics');
    expect(await axeViolations(document.body)).toEqual([]);
  },
);

test('a forum and past meetings are chosen in the address; more meetings load after the cursor', async () => {
  const meetings = vi.fn((args: Record<string, unknown>) =>
    args.after ? page(['Möte C'], false) : page(['Möte A', 'Möte B'], true),
  );
  const { wrapper: calendar, router } = await setup(meetings);
  await calendar.get('#calendar-forum').setValue('c-natet');
  await flushPromises();
  expect(router.currentRoute.value.query).toEqual({ forum: 'c-natet' });
  expect(meetings.mock.calls.at(-1)![0]).toMatchObject({ upcoming: true, forumId: 'F2' });
  expect(calendar.get('a.feed-url').attributes('href')).toBe('/kalender/c-natet.ics');

  await calendar.findAll('input[type="radio"]')[1]!.setValue(true);
  await flushPromises();
  expect(router.currentRoute.value.query).toEqual({ forum: 'c-natet', tid: 'tidigare' });
  expect(meetings.mock.calls.at(-1)![0]).toMatchObject({ upcoming: false, forumId: 'F2' });

  await calendar.get('section button').trigger('click');
  await flushPromises();
  expect(meetings.mock.calls.at(-1)![0]).toMatchObject({ after: 'c1' });
  expect(calendar.findAll('.meeting-list li')).toHaveLength(3);
  expect(calendar.find('section button').exists()).toBe(false);
});
