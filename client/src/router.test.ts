import { describe, expect, test } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter, routes } from './router';
import sv from './i18n/sv';

const lookup = (key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], sv);

describe('routes', () => {
  test.each([
    ['/', 'home'],
    ['/forum', 'forums'],
    ['/forum/samverkansradet', 'forum'],
    ['/moten/TWVldGluZzox', 'meeting'],
    [`/moten/${encodeURIComponent('Meeting:1/x=')}`, 'meeting'],
    ['/moten/TWVldGluZzox/live', 'live'],
    ['/moten/TWVldGluZzox/projektor', 'projector'],
    ['/logga-in', 'signIn'],
    ['/tillganglighet', 'accessibility'],
    ['/registrera', 'register'],
    ['/aterstall-losenord', 'passwordReset'],
    ['/aterstall-losenord?token=abc', 'passwordReset'],
    ['/inbjudan?token=abc', 'invitation'],
    ['/mitt-konto', 'myAccount'],
    ['/min-forening', 'myParty'],
    ['/parter', 'parties'],
    ['/parter/UGFydHk6MQ==', 'party'],
    ['/samordnare', 'coordinator'],
    ['/samordnare/radet', 'coordinatorCouncil'],
    ['/finns/inte', 'notFound'],
  ])('%s → %s', (path, name) => {
    const router = createAppRouter(createMemoryHistory());
    expect(router.resolve(path).name).toBe(name);
  });

  test('an opaque global id survives the round trip through the URL', () => {
    const router = createAppRouter(createMemoryHistory());
    const id = 'TWVldGluZzox/=+';
    const href = router.resolve({ name: 'meeting', params: { id } }).href;
    expect(router.resolve(href).params.id).toBe(id);
  });

  test('the projector, once a mode of the live page, has its own page without header and footer', async () => {
    const router = createAppRouter(createMemoryHistory());
    await router.push('/moten/TWVldGluZzox/live?vy=projektor');
    expect(router.currentRoute.value.name).toBe('projector');
    expect(router.currentRoute.value.params.id).toBe('TWVldGluZzox');
    expect(router.currentRoute.value.meta.bare).toBe(true);
  });

  test('every route has a translated title', () => {
    for (const route of routes) {
      expect(typeof lookup(route.meta!.titleKey), route.path).toBe('string');
    }
  });
});
