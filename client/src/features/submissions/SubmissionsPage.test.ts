import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import SubmissionsPage from './SubmissionsPage.vue';
import { filtersFromQuery, queryFromFilters, variablesFromFilters } from './submission-list-filters';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

function matter(id: string, title: string | null, extra: Record<string, unknown> = {}) {
  return {
    id,
    registrationNumber: `SR ${id}/2026`,
    title,
    status: 'REGISTERED',
    kind: 'OBSTACLE',
    submittedAt: '2026-11-20T09:00:00Z',
    viewerCanSeeContent: title !== null,
    party: title === null ? null : { id: 'P-vivalla', name: 'Vivalla Kvinnoförening' },
    ...extra,
  };
}

function page(nodes: ReturnType<typeof matter>[], hasNextPage: boolean) {
  return {
    totalCount: 3,
    countsByStatus: [
      { status: 'SUBMITTED', count: 1 },
      { status: 'REGISTERED', count: 2 },
    ],
    pageInfo: {
      hasNextPage,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: hasNextPage ? 'c2' : null,
    },
    edges: nodes.map((node, i) => ({ cursor: `c${i + 1}`, node })),
  };
}

const ANSWER_TIMES = [
  {
    year: 2026,
    kind: 'QUESTION',
    answered: 3,
    medianDaysToAnswer: 20,
    open: 1,
    medianOpenDays: 5,
    oldestOpenDays: 9,
  },
  {
    year: 2026,
    kind: 'OBSTACLE',
    answered: 0,
    medianDaysToAnswer: null,
    open: 2,
    medianOpenDays: 3,
    oldestOpenDays: 4,
  },
];

async function setup(
  submissions: (args: Record<string, unknown>) => unknown,
  options: { locale?: 'sv' | 'en'; signedIn?: boolean } = {},
) {
  const mounted = await mountInPage(SubmissionsPage, {
    locale: options.locale ?? 'sv',
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn: options.signedIn,
          resolvers: {
            submissions: submissions as never,
            submissionsLiveCursor: () => '12',
            submissionAnswerTimes: () => ANSWER_TIMES,
          },
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted;
}

describe('the register of matters', () => {
  test.each(['sv', 'en'] as const)(
    'lists matters, a restricted one without content, the counts, the answer times; axe clean in %s',
    async (locale) => {
      const submissions = vi.fn(() =>
        page([matter('1', 'Kvällstider i lokalerna'), matter('2', null)], true),
      );
      const { wrapper: view } = await setup(submissions, { locale });
      const items = view.findAll('.submission-list li').map((li) => li.text());
      expect(items[0]).toContain('SR 1/2026');
      expect(items[0]).toContain('Kvällstider i lokalerna');
      expect(items[0]).toContain('Vivalla Kvinnoförening');
      expect(items[1]).toContain(
        locale === 'sv' ? 'Ärende som hanteras utan publicering' : 'Matter handled without publication',
      );
      expect(view.get('.result-count').text()).toBe(
        locale === 'sv' ? 'Antal ärenden: 3' : 'Number of matters: 3',
      );
      expect(view.get('.result-count').attributes('aria-live')).toBe('polite');
      expect(view.get('#submissions-status').text()).toContain(
        locale === 'sv' ? 'Registrerat (2)' : 'Registered (2)',
      );
      expect(view.get('#submissions-status').text()).toContain('(2)');
      const table = view.get('table');
      expect(table.findAll('tbody tr')).toHaveLength(2);
      expect(table.text()).toContain('20');
      expect(view.get('a.feed-url').attributes('href')).toBe('/arenden.atom');
      expect(view.find('.connection').exists()).toBe(true);
      expect(view.find('a[href="/arenden/nytt"]').exists()).toBe(false);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('search and filters go into the address and the query; more matters load after the cursor', async () => {
    const submissions = vi.fn((args: Record<string, unknown>) =>
      args.after
        ? page([matter('3', 'Tredje')], false)
        : page([matter('1', 'Första'), matter('2', 'Andra')], true),
    );
    const { wrapper: view, router } = await setup(submissions);
    expect(submissions.mock.calls[0]![0]).toMatchObject({ first: 20 });

    await view.get('#submissions-search').setValue('lokal');
    await view.get('form').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: 'lokal' });
    expect(submissions.mock.calls.at(-1)![0]).toMatchObject({ search: 'lokal' });

    await view.get('#submissions-kind').setValue('OBSTACLE');
    await flushPromises();
    await view.get('#submissions-status').setValue('REGISTERED');
    await flushPromises();
    await view.get('#submissions-year').setValue('2026');
    await flushPromises();
    await view.get('#submissions-order').setValue('REGISTRATION_NUMBER-ASC');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({
      q: 'lokal',
      typ: 'OBSTACLE',
      status: 'REGISTERED',
      ar: '2026',
      ordning: 'REGISTRATION_NUMBER-ASC',
    });
    expect(submissions.mock.calls.at(-1)![0]).toMatchObject({
      search: 'lokal',
      filter: { kinds: ['OBSTACLE'], statuses: ['REGISTERED'], year: 2026 },
      orderBy: { field: 'REGISTRATION_NUMBER', direction: 'ASC' },
    });

    await view.get('section button').trigger('click');
    await flushPromises();
    expect(submissions.mock.calls.at(-1)![0]).toMatchObject({ after: 'c2' });
    expect(view.findAll('.submission-list li')).toHaveLength(3);
    expect(view.find('section button').exists()).toBe(false);
  });

  test('the back button returns to the previous search', async () => {
    const submissions = vi.fn(() => page([matter('1', 'Första')], false));
    const { wrapper: view, router } = await setup(submissions);
    await view.get('#submissions-kind').setValue('QUESTION');
    await flushPromises();
    await view.get('#submissions-kind').setValue('PROPOSAL');
    await flushPromises();
    router.back();
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ typ: 'QUESTION' });
    expect((view.get('#submissions-kind').element as HTMLSelectElement).value).toBe('QUESTION');
  });

  test('a signed-in person is offered a new matter', async () => {
    const { wrapper: view } = await setup(() => page([], false), { signedIn: true });
    expect(view.get('a[href="/arenden/nytt"]').text()).toBe('Nytt ärende');
  });
});

describe('the filters in the address', () => {
  test('round-trip, and ignore what is not a filter value', () => {
    const filters = filtersFromQuery({
      q: ' lokal ',
      typ: 'QUESTION',
      status: 'DRAFT',
      princip: 'DIALOGUE',
      part: 'UGFydHk6MQ',
      ar: 'tjugo',
      ordning: 'NONSENSE',
    });
    expect(filters).toEqual({
      search: ' lokal ',
      kind: 'QUESTION',
      status: null,
      principle: 'DIALOGUE',
      party: 'UGFydHk6MQ',
      year: null,
      order: null,
    });
    expect(queryFromFilters(filters)).toEqual({
      q: 'lokal',
      typ: 'QUESTION',
      princip: 'DIALOGUE',
      part: 'UGFydHk6MQ',
    });
    expect(variablesFromFilters(filters)).toEqual({
      search: 'lokal',
      filter: { kinds: ['QUESTION'], principles: ['DIALOGUE'], partyId: 'UGFydHk6MQ' },
      orderBy: null,
    });
  });
});
