import { afterEach, describe, expect, test } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../../tests/fake-api';
import { mountInPage } from '../../../../tests/mount';
import { axeViolations } from '../../../../tests/axe';
import PartyInvitationsPage from './PartyInvitationsPage.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const LIST = {
  totalCount: 2,
  liveCursor: '5',
  edges: [
    {
      node: {
        id: 'I1',
        kind: 'DIALOGUE',
        status: 'DRAFT',
        title: 'Utkast om läxhjälp',
        registrationNumber: null,
        lastDay: null,
        updatedAt: '2026-12-01T10:00:00Z',
        feedbackOverdue: false,
      },
    },
    {
      node: {
        id: 'I2',
        kind: 'CONSULTATION',
        status: 'DEADLINE_PASSED',
        title: 'Remiss om kulturplanen',
        registrationNumber: 'Ks 3/2026',
        lastDay: '2026-10-01',
        updatedAt: '2026-11-01T10:00:00Z',
        feedbackOverdue: true,
      },
    },
  ],
};

async function setup(signedIn: boolean, locale: 'sv' | 'en' = 'sv') {
  const mounted = await mountInPage(PartyInvitationsPage, {
    locale,
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn,
          resolvers: { partyInvitations: () => LIST },
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 4; i++) await flushPromises();
  return mounted.wrapper;
}

describe("a party's own invitations", () => {
  test.each(['sv', 'en'] as const)(
    'lists its drafts and invitations with status, overdue feedback and a link to a new one; axe clean in %s',
    async (locale) => {
      const page = await setup(true, locale);
      const rows = page.findAll('tbody tr').map((row) => row.text());
      expect(rows[0]).toContain('Utkast om läxhjälp');
      expect(rows[0]).toContain(locale === 'sv' ? 'Utkast' : 'Draft');
      expect(rows[1]).toContain('Ks 3/2026');
      expect(rows[1]).toContain(locale === 'sv' ? 'Återkoppling försenad' : 'Feedback overdue');
      expect(page.get('tbody a').attributes('href')).toBe('/dialog/I1');
      expect(page.get('a[href="/dialog/ny"]').text()).toBe(
        locale === 'sv' ? 'Ny inbjudan' : 'New invitation',
      );
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('signed out, it asks to sign in', async () => {
    const page = await setup(false);
    expect(page.text()).toContain('Logga in för att se din förenings inbjudningar.');
    expect(page.find('table').exists()).toBe(false);
  });
});
