import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../../tests/fake-api';
import { mountInPage } from '../../../../tests/mount';
import { axeViolations } from '../../../../tests/axe';
import InvitationsPage from './InvitationsPage.vue';
import { filtersFromQuery, queryFromFilters, variablesFromFilters } from './invitation-list-filters';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

function invitation(id: string, title: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    kind: 'DIALOGUE',
    status: 'PUBLISHED',
    stage: 'INVESTIGATION',
    title,
    registrationNumber: null,
    lastDay: '2027-02-10',
    publishedAt: '2026-12-01T09:00:00Z',
    areas: ['idrott'],
    party: { id: 'P-kf', name: 'Kultur- och fritidsförvaltningen' },
    ...extra,
  };
}

function page(nodes: ReturnType<typeof invitation>[], hasNextPage: boolean, totalCount = 3) {
  return {
    totalCount,
    liveCursor: '12',
    pageInfo: {
      hasNextPage,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: hasNextPage ? 'c2' : null,
    },
    edges: nodes.map((node, i) => ({ cursor: `c${i + 1}`, node })),
  };
}

async function setup(
  invitations: (args: Record<string, unknown>) => unknown,
  options: { locale?: 'sv' | 'en'; signedIn?: boolean } = {},
) {
  const mounted = await mountInPage(InvitationsPage, {
    locale: options.locale ?? 'sv',
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn: options.signedIn,
          resolvers: {
            invitations: invitations as never,
            knownAreasOfInterest: () => ['idrott', 'integration'],
          },
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted;
}

describe('the public list of invitations', () => {
  test.each(['sv', 'en'] as const)(
    'lists invitations with kind, stage, inviter and last day, asks for open ones; axe clean in %s',
    async (locale) => {
      const invitations = vi.fn((_args: Record<string, unknown>) =>
        page(
          [
            invitation('1', 'Dialog om idrottshallarna'),
            invitation('2', 'Remiss om kulturplanen', {
              kind: 'CONSULTATION',
              stage: 'PROPOSAL',
              registrationNumber: 'Ks 12/2026',
              lastDay: '2027-01-31',
            }),
          ],
          true,
        ),
      );
      const { wrapper: view } = await setup(invitations, { locale });
      expect(invitations.mock.calls[0]![0]).toMatchObject({ first: 20, filter: { open: true } });
      const items = view.findAll('.invitation-list li').map((li) => li.text());
      expect(items[0]).toContain('Dialog om idrottshallarna');
      expect(items[0]).toContain('Kultur- och fritidsförvaltningen');
      expect(items[0]).toContain(locale === 'sv' ? 'Inbjudan till dialog' : 'Invitation to dialogue');
      expect(items[0]).toContain(locale === 'sv' ? 'sista tillfället 10 februari 2027' : 'last occasion');
      expect(items[1]).toContain('Ks 12/2026');
      expect(items[1]).toContain(locale === 'sv' ? 'svara senast 31 januari 2027' : 'respond by');
      expect(view.get('.result-count').text()).toBe(
        locale === 'sv' ? 'Antal inbjudningar: 3' : 'Number of invitations: 3',
      );
      expect(view.get('.result-count').attributes('aria-live')).toBe('polite');
      expect(view.find('.connection').exists()).toBe(true);
      expect(view.get('.invitation-list a').attributes('href')).toBe('/dialog/1');
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('search and filters go into the address and the query; more invitations load after the cursor', async () => {
    const invitations = vi.fn((args: Record<string, unknown>) =>
      args.after
        ? page([invitation('3', 'Tredje')], false)
        : page([invitation('1', 'Första'), invitation('2', 'Andra')], true),
    );
    const { wrapper: view, router } = await setup(invitations);

    await view.get('#invitations-search').setValue('idrott');
    await view.get('#invitations-area').setValue('kultur');
    await view.get('form').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: 'idrott', omrade: 'kultur' });
    expect(invitations.mock.calls.at(-1)![0]).toMatchObject({
      search: 'idrott',
      filter: { areas: ['kultur'], open: true },
    });

    await view.get('#invitations-kind').setValue('CONSULTATION');
    await flushPromises();
    await view.get('#invitations-stage').setValue('PROPOSAL');
    await flushPromises();
    await view.get('#invitations-sector').setValue('MUNICIPAL');
    await flushPromises();
    await view.get('#invitations-shown').setValue('all');
    await flushPromises();
    await view.get('#invitations-from').setValue('2027-01-01');
    await view.get('#invitations-from').trigger('change');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({
      q: 'idrott',
      omrade: 'kultur',
      typ: 'CONSULTATION',
      skede: 'PROPOSAL',
      sektor: 'MUNICIPAL',
      visa: 'alla',
      senastFran: '2027-01-01',
    });
    const last = invitations.mock.calls.at(-1)![0] as { filter: Record<string, unknown> };
    expect(last.filter).toEqual({
      kinds: ['CONSULTATION'],
      stages: ['PROPOSAL'],
      inviterSectors: ['MUNICIPAL'],
      areas: ['kultur'],
      deadlineFrom: '2027-01-01',
    });

    await view.get('section button').trigger('click');
    await flushPromises();
    expect(invitations.mock.calls.at(-1)![0]).toMatchObject({ after: 'c2' });
    expect(view.findAll('.invitation-list li')).toHaveLength(3);
    expect(view.find('section button').exists()).toBe(false);
  });

  test('an empty list says so; a signed-in person is pointed to their own list', async () => {
    const { wrapper: view } = await setup(() => page([], false, 0), { signedIn: true });
    expect(view.text()).toContain('Det finns inga öppna inbjudningar just nu.');
    expect(view.get('a[href="/min-forening/dialog"]').text()).toBe('Din förenings inbjudningar');
    expect(view.get('a[href="/dialog/ny"]').text()).toBe('Ny inbjudan eller remiss');
  });

  test('the area filter suggests the areas parties and invitations use', async () => {
    const { wrapper: view } = await setup(() => page([], false, 0));
    expect(view.get('#invitations-area').attributes('list')).toBe('invitations-known-areas');
    expect(view.findAll('#invitations-known-areas option').map((o) => o.attributes('value'))).toEqual([
      'idrott',
      'integration',
    ]);
    expect(view.find('a[href="/dialog/indikatorer"]').exists()).toBe(true);
  });

  test('an error is shown with a way to try again', async () => {
    const mounted = await mountInPage(InvitationsPage, {
      global: {
        provide: { [DefaultApolloClient as symbol]: createFakeApollo({ failWith: 'INTERNAL_SERVER_ERROR' }) },
      },
    });
    wrapper = mounted.wrapper;
    for (let i = 0; i < 3; i++) await flushPromises();
    expect(mounted.wrapper.find('[role="alert"]').exists()).toBe(true);
    expect(mounted.wrapper.find('[role="alert"] button').exists()).toBe(true);
  });
});

describe('the filters in the address', () => {
  test('round-trip, and ignore what is not a filter value', () => {
    const filters = filtersFromQuery({
      q: ' hallar ',
      typ: 'DIALOGUE',
      skede: 'NONSENSE',
      sektor: 'CIVIL_SOCIETY',
      omrade: ' idrott ',
      senastFran: 'igår',
      senastTill: '2027-03-01',
      visa: 'avslutade',
    });
    expect(filters).toEqual({
      search: ' hallar ',
      kind: 'DIALOGUE',
      stage: null,
      sector: 'CIVIL_SOCIETY',
      area: 'idrott',
      from: null,
      to: '2027-03-01',
      shown: 'concluded',
    });
    expect(queryFromFilters(filters)).toEqual({
      q: 'hallar',
      typ: 'DIALOGUE',
      sektor: 'CIVIL_SOCIETY',
      omrade: 'idrott',
      senastTill: '2027-03-01',
      visa: 'avslutade',
    });
    expect(variablesFromFilters(filters)).toEqual({
      search: 'hallar',
      filter: {
        kinds: ['DIALOGUE'],
        inviterSectors: ['CIVIL_SOCIETY'],
        areas: ['idrott'],
        deadlineTo: '2027-03-01',
        open: false,
      },
    });
    expect(filtersFromQuery({}).shown).toBe('open');
    expect(queryFromFilters(filtersFromQuery({}))).toEqual({});
  });
});
