import { afterEach, expect, test } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import AgendaItemSubmissions from './AgendaItemSubmissions.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

test.each([
  ['sv', 'Anmält ärende SR 14/2026'],
  ['en', 'Submitted matter SR 14/2026'],
] as const)('an agenda item links the matters it takes up, in %s', async (locale, text) => {
  const mounted = await mountInPage(AgendaItemSubmissions, {
    locale,
    props: { submissions: [{ id: 'S1', registrationNumber: 'SR 14/2026' }] },
  });
  wrapper = mounted.wrapper;
  expect(wrapper.get('a[href="/arenden/S1"]').text()).toBe(text);
  expect(await axeViolations(document.body)).toEqual([]);
});

test('an item without matters shows nothing', async () => {
  const mounted = await mountInPage(AgendaItemSubmissions, { props: { submissions: [] } });
  wrapper = mounted.wrapper;
  expect(wrapper.find('ul').exists()).toBe(false);
});
