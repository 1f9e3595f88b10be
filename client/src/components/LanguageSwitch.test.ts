import { describe, expect, test, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import LanguageSwitch from './LanguageSwitch.vue';
import { createAppI18n } from '../i18n';
import en from '../i18n/en';

describe('switching language', () => {
  test('a Swedish page holds only the Swedish messages; English is loaded when chosen and then shown', async () => {
    localStorage.clear();
    const i18n = createAppI18n('sv');
    expect(i18n.global.availableLocales).toEqual(['sv']);
    const wrapper = mount(LanguageSwitch, { global: { plugins: [i18n] } });
    expect(wrapper.text()).toBe('English');

    await wrapper.get('button').trigger('click');
    await vi.waitUntil(() => i18n.global.locale.value === 'en');

    expect(i18n.global.availableLocales).toContain('en');
    await wrapper.vm.$nextTick();
    expect(wrapper.text()).toBe(en.app.languageSwitch);
    expect(i18n.global.t('app.languageSwitchLabel')).toBe(en.app.languageSwitchLabel);
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('samverka.locale')).toBe('en');

    await wrapper.get('button').trigger('click');
    await vi.waitUntil(() => i18n.global.locale.value === 'sv');
    await wrapper.vm.$nextTick();
    expect(wrapper.text()).toBe('English');
  });
});
