import { afterEach, describe, expect, test } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, type FakeApiOptions } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import HomePage from './HomePage.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function setup(locale: 'sv' | 'en', options: FakeApiOptions = {}) {
  const mounted = await mountInPage(HomePage, {
    locale,
    global: { provide: { [DefaultApolloClient as symbol]: createFakeApollo(options) } },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted.wrapper;
}

describe('the home page', () => {
  test.each([
    ['sv', 'Vad Samverka är till för', 'Registrera er och anslut till överenskommelsen', 'studieförbund'],
    ['en', 'What Samverka is for', 'Register and join the agreement', 'study associations'],
  ] as const)(
    'says what Samverka is for and whom, and links to registration, in %s',
    async (locale, heading, link, whom) => {
      const page = await setup(locale);
      const intro = page.get('section[aria-labelledby="home-intro-heading"]');
      expect(intro.get('h2').text()).toBe(heading);
      expect(intro.text()).toContain(whom);
      const registration = intro.get('a');
      expect(registration.text()).toBe(link);
      expect(registration.attributes('href')).toBe('/registrera');
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('the introduction and its link stay when the agreement cannot be loaded', async () => {
    const page = await setup('sv', { failWith: 'INTERNAL_SERVER_ERROR' });
    expect(page.get('[role="alert"]').text()).toContain('Något gick fel.');
    expect(page.get('section[aria-labelledby="home-intro-heading"] a').attributes('href')).toBe(
      '/registrera',
    );
  });

  test("in English the agreement's own text is marked Swedish, with a note once per block", async () => {
    const page = await setup('en');
    expect(page.get('h1 [lang="sv"]').text()).toContain('Överenskommelse om samverkan');
    const summary = page.get('section[aria-labelledby="summary-heading"]');
    expect(summary.get('.swedish-note').text()).toBe('In Swedish');
    expect(summary.get('[lang="sv"]').text()).toContain('hållbar samhällsutveckling');
    const principles = page.get('section[aria-labelledby="principles-heading"]');
    expect(principles.findAll('.swedish-note')).toHaveLength(1);
    expect(principles.findAll('p[lang="sv"]')).toHaveLength(6);
    // The principles' names are translated, so they are not marked.
    expect(principles.find('h3[lang]').exists()).toBe(false);
    expect(page.get('ol.commitments').attributes('lang')).toBe('sv');
  });

  test('in Swedish nothing is marked and no note is shown', async () => {
    const page = await setup('sv');
    expect(page.find('.swedish-note').exists()).toBe(false);
  });
});
