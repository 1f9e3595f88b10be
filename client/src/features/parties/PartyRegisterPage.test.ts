import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, fakeRoot } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import PartyRegisterPage from './PartyRegisterPage.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function setup(options: Parameters<typeof createFakeApollo>[0] = {}, locale: 'sv' | 'en' = 'sv') {
  const mounted = await mountInPage(PartyRegisterPage, {
    locale,
    global: { provide: { [DefaultApolloClient as symbol]: createFakeApollo(options) } },
  });
  wrapper = mounted.wrapper;
  await flushPromises();
  return { page: mounted.wrapper, router: mounted.router };
}

const names = (page: VueWrapper) => page.findAll('.party-list h2').map((h) => h.text());

describe('public register', () => {
  test.each(['sv', 'en'] as const)(
    'lists joined parties by name with the date they joined, axe clean in %s',
    async (locale) => {
      const { page } = await setup({}, locale);
      expect(names(page)).toEqual(['Kulturnämnden', 'Ängens nätverk', 'Örebro Schackklubb']);
      expect(page.text()).toContain(locale === 'sv' ? 'Ansluten 1 februari 2026' : 'Joined 1 February 2026');
      expect(page.get('[role="status"]').text()).toBe(
        locale === 'sv' ? 'Antal parter: 3' : 'Number of parties: 3',
      );
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test.each([
    ['a search', { sok: 'schack' }, ['Örebro Schackklubb']],
    ['a kind', { typ: 'NETWORK' }, ['Ängens nätverk']],
    ['a sector', { sektor: 'MUNICIPAL' }, ['Kulturnämnden']],
    [
      'a sector and a kind',
      { sektor: 'CIVIL_SOCIETY', typ: 'NON_PROFIT_ASSOCIATION' },
      ['Örebro Schackklubb'],
    ],
    ['nothing matching', { sok: 'finns inte' }, []],
  ])('filters by %s from the address', async (_name, query, expected) => {
    const parties = vi.fn(fakeRoot().parties);
    const { page, router } = await setup({ resolvers: { parties } });
    await router.replace({ query });
    await flushPromises();
    await new Promise((r) => setTimeout(r, 0));
    await flushPromises();
    expect(names(page)).toEqual(expected);
    if (!expected.length) expect(page.text()).toContain('Inga parter matchar sökningen.');
  });

  test('the form puts the search and filters in the address', async () => {
    const { page, router } = await setup();
    await page.get('#parties-search').setValue('schack');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ sok: 'schack' });
    await page.get('#parties-sector').setValue('MUNICIPAL');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ sok: 'schack', sektor: 'MUNICIPAL' });
    // Only the municipal kinds are offered once the sector is chosen.
    expect(page.findAll('#parties-kind option').map((o) => o.text())).toEqual([
      'Alla typer',
      'Nämnd',
      'Förvaltning',
      'Kommunalt bolag',
    ]);
  });

  test('an error is translated, with a retry', async () => {
    const { page } = await setup({ failWith: 'INTERNAL_SERVER_ERROR' });
    expect(page.get('[role="alert"]').text()).toContain('Något gick fel. Försök igen om en stund.');
    expect(page.text()).not.toContain('raw internal text');
  });
});
