import { afterEach, describe, expect, test } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createMemoryHistory } from 'vue-router';
import { DefaultApolloClient } from '@vue/apollo-composable';
import App from '../src/App.vue';
import { createAppI18n } from '../src/i18n';
import { createAppRouter } from '../src/router';
import { titleOverride } from '../src/lib/page-title';
import { createFakeApollo, DRAFT_ID, SUBMISSION_ID, type FakeApiOptions } from './fake-api';
import { axeViolations } from './axe';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  titleOverride.value = null;
});

async function visit(path: string, options: FakeApiOptions = {}) {
  document.body.innerHTML = '<div id="app"></div>';
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  wrapper = mount(App, {
    attachTo: document.getElementById('app')!,
    global: {
      plugins: [createAppI18n('sv'), router],
      provide: { [DefaultApolloClient as symbol]: createFakeApollo(options) },
    },
  });
  // Lazy route components, then the queries.
  for (let i = 0; i < 5; i++) {
    await flushPromises();
    await new Promise((r) => setTimeout(r, 10));
  }
  return wrapper;
}

describe('every page renders with landmarks, one h1, a title and no axe violations', () => {
  test.each([
    ['/', 'Överenskommelsen – Samverka', 'Överenskommelse om samverkan i Örebro'],
    ['/forum', 'Forum – Samverka', 'Forum'],
    ['/forum/samverkansradet', 'Samverkansrådet – Samverka', 'Samverkansrådet'],
    ['/forum/finns-inte', 'Forum – Samverka', 'Forum'],
    ['/moten/TWVldGluZzox', 'Samverkansrådet mars 2026 – Samverka', 'Samverkansrådet mars 2026'],
    ['/moten/TWVldGluZzox/live', 'Samverkansrådet mars 2026 (live) – Samverka', 'Samverkansrådet mars 2026'],
    ['/logga-in', 'Logga in – Samverka', 'Logga in'],
    ['/tillganglighet', 'Tillgänglighetsredogörelse – Samverka', 'Tillgänglighetsredogörelse'],
    ['/finns/inte', 'Sidan finns inte – Samverka', 'Sidan finns inte'],
    ['/registrera', 'Registrera dig – Samverka', 'Registrera dig'],
    ['/aterstall-losenord', 'Återställ lösenord – Samverka', 'Återställ lösenord'],
    ['/aterstall-losenord?token=abc', 'Återställ lösenord – Samverka', 'Återställ lösenord'],
    ['/inbjudan?token=abc', 'Inbjudan – Samverka', 'Inbjudan'],
    ['/inbjudan', 'Inbjudan – Samverka', 'Inbjudan'],
    ['/parter', 'Parter – Samverka', 'Parter'],
    ['/parter/P1', 'Örebro Schackklubb – Samverka', 'Örebro Schackklubb'],
    ['/parter/finns-inte', 'Part – Samverka', 'Part'],
    ['/min-forening', 'Min förening – Samverka', 'Min förening'],
    ['/mitt-konto', 'Mitt konto – Samverka', 'Mitt konto'],
    ['/samordnare', 'Samordnare – Samverka', 'Samordnare'],
    ['/kalender', 'Kalender – Samverka', 'Kalender'],
    ['/arenden', 'Ärenden – Samverka', 'Ärenden'],
    ['/arenden/svarstider', 'Svarstider – Samverka', 'Svarstider för ärenden till Samverkansrådet'],
  ])('%s', async (path, title, h1) => {
    const page = await visit(path);
    expect(document.title).toBe(title);
    expect(page.findAll('h1')).toHaveLength(1);
    expect(page.get('h1').text()).toContain(h1);
    expect(page.find('header').exists()).toBe(true);
    expect(page.find('main').exists()).toBe(true);
    expect(page.get('footer a[href="/tillganglighet"]').text()).toBe('Tillgänglighetsredogörelse');
    expect(page.get('a.skip-link').text()).toBe('Hoppa till innehållet');
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe('signed in, the pages of issue 4 render with no axe violations', () => {
  test.each([
    ['/min-forening', 'Min förening', 'Örebro Schackklubb'],
    ['/mitt-konto', 'Mitt konto', 'Den här enheten'],
    ['/samordnare', 'Samordnare', 'Nya föreningen'],
    ['/inbjudan?token=abc', 'Inbjudan', 'Tacka ja som Anna Samordnare'],
    ['/registrera', 'Registrera dig', 'Du är redan inloggad som Anna Samordnare.'],
  ])('%s', async (path, h1, text) => {
    const page = await visit(path, { signedIn: true });
    expect(page.findAll('h1')).toHaveLength(1);
    expect(page.get('h1').text()).toBe(h1);
    expect(page.text()).toContain(text);
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe('signed in, the pages of issue 9 render with no axe violations', () => {
  test.each([
    ['/arenden/nytt', 'Nytt ärende – Samverka', 'Nytt ärende'],
    [`/arenden/${SUBMISSION_ID}`, 'SR 14/2026 – Lokalerna i Vivalla är för dyra – Samverka', 'SR 14/2026'],
    [`/arenden/${DRAFT_ID}/redigera`, 'Redigera ärendet – Samverka', 'Redigera ärendet'],
    ['/aviseringar', 'Aviseringar – Samverka', 'Aviseringar'],
    ['/min-forening/arenden', 'Våra ärenden – Samverka', 'Våra ärenden'],
    ['/samordnare/arenden', 'Ärendekön – Samverka', 'Ärendekön'],
  ])('%s', async (path, title, h1) => {
    const page = await visit(path, { signedIn: true });
    expect(document.title).toBe(title);
    expect(page.findAll('h1')).toHaveLength(1);
    expect(page.get('h1').text()).toContain(h1);
    expect(page.find('main').exists()).toBe(true);
    expect(page.find('[role="alert"]').exists()).toBe(false);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('a matter is public: signed out, its page shows it', async () => {
    const page = await visit(`/arenden/${SUBMISSION_ID}`);
    expect(page.get('h1').text()).toBe('SR 14/2026 – Lokalerna i Vivalla är för dyra');
    expect(page.text()).toContain('Dialog');
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe('navigation and access', () => {
  test.each([
    ['signed out', {}, ['Överenskommelsen', 'Forum', 'Kalender', 'Parter', 'Ärenden', 'Dialog', 'Logga in']],
    [
      'a member',
      { signedIn: true, isCoordinator: false },
      [
        'Överenskommelsen',
        'Forum',
        'Kalender',
        'Parter',
        'Ärenden',
        'Dialog',
        'Min förening',
        'Mitt konto',
        'Aviseringar',
      ],
    ],
    [
      'the coordinator',
      { signedIn: true },
      [
        'Överenskommelsen',
        'Forum',
        'Kalender',
        'Parter',
        'Ärenden',
        'Dialog',
        'Min förening',
        'Mitt konto',
        'Aviseringar',
        'Samordnare',
      ],
    ],
  ] as [string, FakeApiOptions, string[]][])('the header menu for %s', async (_name, options, links) => {
    const page = await visit('/', options);
    expect(page.findAll('nav[aria-label="Huvudmeny"] a').map((a) => a.text())).toEqual(links);
  });

  test('the sign-in page links to registration and password reset', async () => {
    const page = await visit('/logga-in');
    expect(page.find('a[href="/registrera"]').exists()).toBe(true);
    expect(page.find('a[href="/aterstall-losenord"]').exists()).toBe(true);
  });

  test.each([
    ['signed out', {}],
    ['not the coordinator', { signedIn: true, isCoordinator: false }],
  ] as [string, FakeApiOptions][])(
    'the coordinator page says "not allowed" when %s',
    async (_name, options) => {
      const page = await visit('/samordnare', options);
      expect(page.text()).toContain('Den här sidan är till för samordnaren');
      expect(page.find('#accessions-heading').exists()).toBe(false);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test.each([
    ['/min-forening', 'Logga in för att se och företräda din förening.'],
    ['/mitt-konto', 'Logga in för att se ditt konto.'],
  ])('%s asks a signed-out visitor to sign in', async (path, text) => {
    const page = await visit(path);
    expect(page.text()).toContain(text);
  });

  test('a party profile shows its public details', async () => {
    const page = await visit('/parter/P1');
    const text = page.text();
    for (const part of [
      'Ideell förening',
      '802002-4280',
      'Schack för alla åldrar',
      'schack',
      '1 februari 2026',
    ]) {
      expect(text).toContain(part);
    }
    expect(page.get('a[href="https://schack.example.se/"]').text()).toBe('https://schack.example.se');
  });

  test('my party shows the accession, the four affirmations are not asked again, and requests to decide', async () => {
    const page = await visit('/min-forening', { signedIn: true });
    expect(page.text()).toContain('Ansluten');
    expect(page.find('input[type="checkbox"]').exists()).toBe(false);
    expect(page.get('button[aria-label="Godkänn Bertil Berg"]').text()).toBe('Godkänn');
    expect(page.text()).toContain('Nominera en ledamot till Samverkansrådet');
  });
});

describe('content', () => {
  test('home shows the agreement, six principles, six commitments, forums and meetings', async () => {
    const page = await visit('/');
    expect(page.text()).toContain('Ks 1132/2023');
    expect(page.text()).toContain('22 november 2023');
    expect(page.findAll('.principles li')).toHaveLength(6);
    expect(page.text()).toContain('Självständighet och oberoende');
    expect(page.findAll('.commitments li')).toHaveLength(6);
    expect(page.text()).toContain('C-nätet');
    expect(page.text()).toContain('Samverkansrådet mars 2026');
  });

  test('forum shows seats grouped 10 / 3 / 1 in tables', async () => {
    const page = await visit('/forum/samverkansradet');
    const captions = page.findAll('caption').map((c) => c.text());
    expect(captions).toEqual([
      'Civilsamhället (platser: 10)',
      'Politiker (platser: 3)',
      'Samordnare (platser: 1)',
    ]);
    expect(page.findAll('th[scope="col"]').length).toBeGreaterThan(0);
  });

  test('a meeting shows the agenda; chair controls only for a chair', async () => {
    let page = await visit('/moten/TWVldGluZzox');
    expect(page.findAll('.agenda > li')).toHaveLength(4);
    expect(page.text()).toContain('Mötet öppnades.');
    expect(page.find('.chair-controls').exists()).toBe(false);
    page.unmount();
    page = await visit('/moten/TWVldGluZzox', { signedIn: true, canChair: true });
    expect(page.find('.chair-controls').exists()).toBe(true);
    expect(page.findAll('.chair-controls button').map((b) => b.text())).toEqual([
      'Föregående punkt',
      'Nästa punkt',
      'Pausa tiden',
      'Avsluta mötet',
    ]);
    expect(page.text()).toContain('Inloggad som Anna Samordnare');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test.each([
    ['FORBIDDEN', 'Du har inte behörighet att göra det här.'],
    ['UNAUTHENTICATED', 'Du behöver logga in för att göra det här.'],
    ['INTERNAL_SERVER_ERROR', 'Något gick fel. Försök igen om en stund.'],
  ])('a %s error is shown translated in an alert, never raw', async (code, message) => {
    const page = await visit('/moten/TWVldGluZzox', { failWith: code });
    const alert = page.get('[role="alert"]');
    expect(alert.text()).toContain(message);
    expect(page.text()).not.toContain('raw internal text');
  });
});
