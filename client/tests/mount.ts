import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Component } from 'vue';
import { createAppI18n, loadLocale, type Locale } from '../src/i18n';
import { routes } from '../src/router';

/** The app's routes by name and path, each with an empty page, so RouterLinks to named routes resolve. */
const stubRoutes = routes.map((route) => ({
  path: route.path,
  name: route.name,
  component: { template: '<div />' },
}));

/**
 * Mounts a component inside a <main> landmark with real vue-i18n and a memory router, as the app does.
 */
export async function mountInPage<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> & { locale?: Locale } = {},
) {
  const { locale = 'sv', ...rest } = options;
  document.documentElement.lang = locale;
  document.title = 'Samverka';
  document.body.innerHTML = '<main id="main"></main>';
  const i18n = createAppI18n(locale);
  await loadLocale(i18n.global, locale);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: stubRoutes,
  });
  await router.push('/');
  await router.isReady();
  const wrapper = mount(component, {
    ...rest,
    attachTo: document.getElementById('main')!,
    global: { plugins: [i18n, router], ...(rest.global ?? {}) },
  } as ComponentMountingOptions<C>);
  return { wrapper, i18n, router };
}
