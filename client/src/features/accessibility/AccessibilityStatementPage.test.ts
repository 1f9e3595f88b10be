import { afterEach, describe, expect, test } from 'vitest';
import AccessibilityStatementPage from './AccessibilityStatementPage.vue';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';

describe('AccessibilityStatementPage', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());

  test('has the contents DIGG requires', async () => {
    const { wrapper } = await mountInPage(AccessibilityStatementPage);
    unmount = () => wrapper.unmount();
    const text = wrapper.text();
    expect(wrapper.get('h1').text()).toBe('Tillgänglighetsredogörelse');
    expect(text).toContain('Örebro kommun står bakom');
    expect(text).toContain('delvis förenlig');
    expect(text).toContain('WCAG 2.1 nivå AA');
    expect(text).toContain('axe-core');
    expect(text).toContain('23 november 2026');
    expect(wrapper.find('a[href="mailto:tillganglighet@samverka.example"]').exists()).toBe(true);
    expect(wrapper.find('a[href="https://www.digg.se/tdosanmalan"]').exists()).toBe(true);
    expect(text).toContain('Myndigheten för digital förvaltning (DIGG)');
  });

  test.each(['sv', 'en'] as const)('has no axe violations (%s)', async (locale) => {
    const { wrapper } = await mountInPage(AccessibilityStatementPage, { locale });
    unmount = () => wrapper.unmount();
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
