import { afterEach, describe, expect, test } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../../tests/fake-api';
import { mountInPage } from '../../../../tests/mount';
import { axeViolations } from '../../../../tests/axe';
import FollowUpPage from './FollowUpPage.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const party = { id: 'P1', name: 'Kultur- och fritidsförvaltningen' };

function sampleFollowUp(wholeAgreement = true) {
  return {
    wholeAgreement,
    overdueFeedback: [
      {
        id: 'I1',
        kind: 'DIALOGUE',
        title: 'Dialog om fritidsplanen',
        registrationNumber: null,
        status: 'HELD',
        concludesAt: new Date(Date.now() - 40 * 24 * 3600 * 1000).toISOString(),
        party,
      },
    ],
    shortDeadlines: [
      {
        id: 'I2',
        kind: 'CONSULTATION',
        title: 'Remiss om lokalbokning',
        registrationNumber: 'Ks 12/2027',
        publishedAt: '2027-03-01T09:00:00Z',
        responseDeadline: '2027-03-21',
        party,
      },
    ],
  };
}

async function setup(followUp: unknown, locale: 'sv' | 'en' = 'sv') {
  const mounted = await mountInPage(FollowUpPage, {
    locale,
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn: followUp !== null,
          resolvers: { invitationFollowUp: () => followUp },
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted.wrapper;
}

describe('FollowUpPage', () => {
  test.each([
    ['sv', 'Återkoppling försenad', '40 dagar', 'Ks 12/2027: Remiss om lokalbokning', '20 dagar'],
    ['en', 'Feedback overdue', '40 days', 'Ks 12/2027: Remiss om lokalbokning', '20 days'],
  ] as const)(
    'lists overdue feedback and short deadlines in tables, axe clean (%s)',
    async (locale, overdue, since, consultation, time) => {
      const page = await setup(sampleFollowUp(), locale);
      const headings = page.findAll('h2').map((h) => h.text());
      expect(headings[0]).toBe(overdue);
      const [overdueTable, shortTable] = page.findAll('table');
      expect(overdueTable!.get('tbody th a').attributes('href')).toBe('/dialog/I1');
      expect(overdueTable!.text()).toContain(since);
      expect(shortTable!.get('tbody th a').text()).toBe(consultation);
      expect(shortTable!.text()).toContain(time);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('a member sees their own parties’; empty lists say so', async () => {
    const page = await setup({ wholeAgreement: false, overdueFeedback: [], shortDeadlines: [] });
    expect(page.text()).toContain('Din parts inbjudningar och remisser som behöver följas upp.');
    expect(page.text()).toContain('Ingen återkoppling är försenad.');
    expect(page.text()).toContain('Inga öppna remisser har kort svarstid.');
    expect(page.find('table').exists()).toBe(false);
  });

  test('signed out: a link to sign in', async () => {
    const page = await setup(null);
    expect(page.get('a').text()).toBe('Logga in för att se uppföljningen.');
  });
});
