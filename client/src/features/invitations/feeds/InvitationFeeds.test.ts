import { afterEach, describe, expect, test } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, type FakeApiOptions } from '../../../../tests/fake-api';
import { mountInPage } from '../../../../tests/mount';
import { axeViolations } from '../../../../tests/axe';
import OccasionCalendarLink from './OccasionCalendarLink.vue';
import InvitationFeedLinks from './InvitationFeedLinks.vue';
import IndicatorsPage from './IndicatorsPage.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function mountWith(
  component: typeof OccasionCalendarLink | typeof InvitationFeedLinks | typeof IndicatorsPage,
  api: FakeApiOptions = {},
  locale: 'sv' | 'en' = 'sv',
  props: Record<string, unknown> = {},
) {
  const mounted = await mountInPage(component, {
    locale,
    props,
    global: { provide: { [DefaultApolloClient as symbol]: createFakeApollo(api) } },
  } as never);
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted.wrapper;
}

const side = (sector: string, fields: Record<string, unknown> = {}) => ({
  year: 2026,
  sector,
  published: 0,
  withPlannedDecision: 0,
  medianLeadDays: null,
  averageLeadDays: null,
  answerable: 0,
  answered: 0,
  answeredShare: null,
  responses: 0,
  responsesJudged: 0,
  judgedResponseShare: null,
  feedbackDue: 0,
  feedbackInTime: 0,
  feedbackInTimeShare: null,
  ...fields,
});

const INDICATORS = [
  side('MUNICIPAL', {
    published: 4,
    withPlannedDecision: 3,
    medianLeadDays: 61.5,
    averageLeadDays: 70.2,
    answerable: 4,
    answered: 3,
    answeredShare: 0.75,
    responses: 2,
    responsesJudged: 2,
    judgedResponseShare: 1,
    feedbackDue: 3,
    feedbackInTime: 2,
    feedbackInTimeShare: 2 / 3,
  }),
  side('CIVIL_SOCIETY', { published: 1, answerable: 1, answeredShare: 0 }),
  { ...side('MUNICIPAL'), year: 2025 },
  { ...side('CIVIL_SOCIETY', { published: 2 }), year: 2025 },
];

const cells = (page: VueWrapper, table = 0) =>
  page
    .findAll('table')
    [table]!.findAll('tbody tr')
    .map((row) => row.findAll('th, td').map((cell) => cell.text()));

describe('OccasionCalendarLink', () => {
  test.each(['sv', 'en'] as const)(
    'a download link to the occasion’s .ics, axe clean in %s',
    async (locale) => {
      const page = await mountWith(OccasionCalendarLink, {}, locale, {
        occasionId: 'SW52aXRhdGlvbk9jY2FzaW9uOjE',
      });
      const link = page.get('a');
      expect(link.attributes('href')).toBe('/dialog/tillfalle/SW52aXRhdGlvbk9jY2FzaW9uOjE.ics');
      expect(link.attributes('download')).toBeDefined();
      expect(link.text()).toBe(locale === 'sv' ? 'Lägg till i kalender (.ics)' : 'Add to calendar (.ics)');
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );
});

describe('InvitationFeedLinks', () => {
  test('signed out: the calendar of every occasion and the Atom feed', async () => {
    const page = await mountWith(InvitationFeedLinks);
    expect(page.findAll('a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Alla dialogtillfällen (kalender)', '/dialog.ics'],
      ['Nya inbjudningar och remisser (Atom-flöde)', '/dialog.atom'],
    ]);
    // The full addresses, to copy into a calendar or a feed reader.
    expect(page.findAll('code').map((code) => code.text())).toEqual([
      `${window.location.origin}/dialog.ics`,
      `${window.location.origin}/dialog.atom`,
    ]);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test.each(['sv', 'en'] as const)('a member also gets their party’s calendar, in %s', async (locale) => {
    const page = await mountWith(InvitationFeedLinks, { signedIn: true }, locale);
    const links = page.findAll('a');
    expect(links).toHaveLength(3);
    expect(links[1]!.attributes('href')).toMatch(/^\/dialog\/part\/.+\.ics$/);
    expect(links[1]!.text()).toContain(locale === 'sv' ? 'är inbjuden till' : 'is invited to');
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe('IndicatorsPage', () => {
  test.each(['sv', 'en'] as const)('a table per year with both sides, axe clean in %s', async (locale) => {
    const page = await mountWith(
      IndicatorsPage,
      { resolvers: { invitationIndicators: () => INDICATORS } },
      locale,
    );
    expect(
      page
        .findAll('h2')
        .map((h) => h.text())
        .slice(0, 2),
    ).toEqual(locale === 'sv' ? ['År 2026', 'År 2025'] : ['Year 2026', 'Year 2025']);
    const headers = page
      .findAll('table')[0]!
      .findAll('thead th')
      .map((th) => th.text());
    expect(headers.slice(1)).toEqual(
      locale === 'sv'
        ? ['Kommunen bjöd in', 'Civilsamhället bjöd in']
        : ['The municipality invited', 'Civil society invited'],
    );
    const rows = cells(page);
    expect(rows.map((row) => row.length)).toEqual([3, 3, 3, 3, 3, 3]);
    if (locale === 'sv') {
      expect(rows[0]).toEqual(['Publicerade inbjudningar och remisser', '4', '1']);
      expect(rows[1]!.slice(1)).toEqual(['62', 'Uppgift saknas']);
      expect(rows[3]!.slice(1).map((c) => c.replace(/\s/g, ' '))).toEqual(['75 % (3 av 4)', '0 % (0 av 1)']);
      expect(rows[5]![1]!.replace(/\s/g, ' ')).toBe('67 % (2 av 3)');
    } else {
      expect(rows[3]![1]).toBe('75% (3 of 4)');
    }
    expect(page.findAll('th[scope="row"]')).toHaveLength(12);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('says so when nothing is published, and offers a retry when the query fails', async () => {
    const empty = await mountWith(IndicatorsPage, { resolvers: { invitationIndicators: () => [] } });
    expect(empty.text()).toContain('Inga inbjudningar har publicerats än.');
    expect(empty.find('table').exists()).toBe(false);
    empty.unmount();
    const failed = await mountWith(IndicatorsPage, { failWith: 'INTERNAL_SERVER_ERROR' });
    expect(failed.get('[role="alert"]').find('button').exists()).toBe(true);
  });
});
