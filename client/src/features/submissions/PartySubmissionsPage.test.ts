import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, sampleParties, type FakeApiOptions } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import { samplePartySubmissions, sampleQueue } from './QueueSamples';
import PartySubmissionsPage from './PartySubmissionsPage.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function setup(options: FakeApiOptions, locale: 'sv' | 'en' = 'sv') {
  const mounted = await mountInPage(PartySubmissionsPage, {
    locale,
    global: { provide: { [DefaultApolloClient as symbol]: createFakeApollo(options) } },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 4; i++) await flushPromises();
  return mounted.wrapper;
}

const party = sampleParties()[0]!;
const member = (extra: FakeApiOptions['resolvers'] = {}): FakeApiOptions => ({
  signedIn: true,
  isCoordinator: false,
  resolvers: { partySubmissions: () => samplePartySubmissions(), submissionQueue: () => null, ...extra },
});

describe("the party's own list", () => {
  test.each(['sv', 'en'] as const)(
    'lists drafts and submitted matters with links; axe clean in %s',
    async (locale) => {
      const page = await setup(member(), locale);
      expect(page.get('h1').text()).toBe(locale === 'sv' ? 'Våra ärenden' : 'Our matters');
      expect(page.get('h2').text()).toBe(party.name);
      const rows = page.findAll('tbody tr').map((tr) => tr.text());
      expect(rows).toHaveLength(2);
      expect(rows[0]).toContain('Vårt utkast');
      expect(rows[0]).toContain(locale === 'sv' ? 'Utkast' : 'Draft');
      expect(rows[1]).toContain('SR 14/2026');
      expect(page.get('a[href="/arenden/S10/redigera"]').attributes('aria-label')).toBe(
        locale === 'sv' ? 'Redigera utkastet Vårt utkast' : 'Edit the draft Vårt utkast',
      );
      expect(page.find('a[href="/arenden/S11/redigera"]').exists()).toBe(false);
      expect(page.get('a[href="/arenden/S11"]').text()).toBe('Lokaler för föreningar');
      expect(page.get(`a[href="/arenden/nytt?part=${party.id}"]`).text()).toBe(
        locale === 'sv' ? 'Nytt ärende' : 'New matter',
      );
      expect(page.find('.connection').exists()).toBe(true);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('counts per status are shown', async () => {
    const page = await setup(member());
    expect(page.findAll('.status-counts li').map((li) => li.text())).toEqual(['Utkast: 1', 'Registrerat: 1']);
  });

  test("asks for the viewer's own party", async () => {
    const partySubmissions = vi.fn((_args: unknown) => samplePartySubmissions());
    await setup(member({ partySubmissions }));
    expect(partySubmissions.mock.calls[0]![0]).toEqual({ partyId: party.id, first: 100 });
  });

  test('a C-nätet representative sees what is referred to their department, overdue flagged in words', async () => {
    const page = await setup(member({ submissionQueue: () => sampleQueue(false) }));
    const section = page.get('section[aria-labelledby="queue-referredToViewer"]');
    expect(section.get('h2').text()).toBe('Remitterade till min förvaltning (1)');
    expect(section.text()).toContain('Bidragsregler');
    expect(section.text()).toContain('Försenat');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('signed out: asked to sign in', async () => {
    const page = await setup({ signedIn: false });
    expect(page.text()).toContain('Logga in för att se partens ärenden.');
  });
});
