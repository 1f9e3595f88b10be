import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, type FakeApiOptions } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import CouncilPage from './CouncilPage.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

function seat(id: string, kind: string, holderName: string, holderEmail: string | null = null) {
  return { id, kind, holderName, organisation: 'Örebro Föreningsråd', holderEmail, position: 1 };
}

/** The council as the coordinator sees it: 9 of 10 civil-society seats, 3 politicians, the coordinator. */
function councilResolvers(overrides: FakeApiOptions['resolvers'] = {}) {
  return {
    forum: () => ({
      id: 'F1',
      seats: [
        seat('S1', 'CIVIL_SOCIETY', 'Erik Holm', 'ordforande@samverka.example'),
        ...Array.from({ length: 8 }, (_, i) => seat(`S${i + 2}`, 'CIVIL_SOCIETY', `Ledamot ${i + 2}`)),
        ...Array.from({ length: 3 }, (_, i) => seat(`P${i}`, 'POLITICIAN', `Politiker ${i + 1}`)),
        seat('C1', 'COORDINATOR', 'Samira Lind', 'samordnare@samverka.example'),
      ],
    }),
    cnatetDepartments: () => ({
      totalCount: 2,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      edges: [
        {
          cursor: '0',
          node: {
            department: { id: 'D1', name: 'Kultur- och fritidsförvaltningen' },
            representative: {
              name: 'Maja Berg',
              email: 'forening@samverka.example',
              appointedAt: '2026-11-01T09:00:00Z',
            },
          },
        },
        {
          cursor: '1',
          node: { department: { id: 'D2', name: 'Socialförvaltningen' }, representative: null },
        },
      ],
    }),
    ...overrides,
  };
}

async function setup(options: FakeApiOptions = {}, locale: 'sv' | 'en' = 'sv') {
  const mounted = await mountInPage(CouncilPage, {
    locale,
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn: true,
          ...options,
          resolvers: councilResolvers(options.resolvers),
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted.wrapper;
}

const ok = (key: string, value: unknown) => (_args: unknown) => ({ [key]: value, errors: [] });

describe("the coordinator's page for the council and C-nätet", () => {
  test.each([
    ['sv', 'Civilsamhället: 9 av 10 platser tillsatta', 'Inget konto'],
    ['en', 'Civil society: 9 of 10 seats filled', 'No account'],
  ] as const)(
    'shows the seats by kind with the limits, axe clean in %s',
    async (locale, caption, noAccount) => {
      const page = await setup({}, locale);
      const captions = page.findAll('caption').map((c) => c.text());
      expect(captions[0]).toBe(caption);
      expect(captions).toHaveLength(4);
      expect(page.text()).toContain('ordforande@samverka.example');
      expect(page.text()).toContain(noAccount);
      expect(page.text()).toContain('Maja Berg (forening@samverka.example)');
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('a nomination fills the form; the seat is assigned and the list fetched again', async () => {
    const assignCouncilSeat = vi.fn(ok('seat', { id: 'S10', holderName: 'Doris Dahl' }));
    const forum = vi.fn(councilResolvers().forum);
    const page = await setup({ resolvers: { assignCouncilSeat, forum } });
    await page.get('#seat-nomination').setValue('N1');
    expect((page.get('#seat-holder').element as HTMLInputElement).value).toBe('Doris Dahl');
    expect((page.get('#seat-organisation').element as HTMLInputElement).value).toBe('Örebro Schackklubb');
    await page.get('#seat-email').setValue('doris@example.se');
    await page.get('form[aria-labelledby="assign-heading"]').trigger('submit');
    await flushPromises();
    expect(assignCouncilSeat.mock.calls[0]![0]).toEqual({
      input: {
        kind: 'CIVIL_SOCIETY',
        holderName: 'Doris Dahl',
        organisation: 'Örebro Schackklubb',
        personEmail: 'doris@example.se',
      },
    });
    expect(forum).toHaveBeenCalledTimes(2);
    expect(page.get('#seats-heading ~ [role="status"]').text()).toBe('Doris Dahl har fått en plats i rådet.');
  });

  test.each([
    ['sv', 'Alla 3 platser av det slaget är tillsatta. Avsluta en plats först.'],
    ['en', 'The limit has been reached – there are no more seats.'],
  ] as const)('a refusal goes beside the field it concerns, in %s', async (locale, text) => {
    const assignCouncilSeat = vi.fn(() => ({
      seat: null,
      errors: [
        {
          field: ['input', 'kind'],
          message: 'Alla 3 platser av det slaget är tillsatta. Avsluta en plats först.',
          code: 'LIMIT_REACHED',
          max: null,
        },
      ],
    }));
    const page = await setup({ resolvers: { assignCouncilSeat } }, locale);
    await page.get('input[value="POLITICIAN"]').setValue(true);
    await page.get('#seat-holder').setValue('Nils Ros');
    await page.get('form[aria-labelledby="assign-heading"]').trigger('submit');
    await flushPromises();
    expect(page.get('#seat-kind-error').text()).toBe(text);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('ending a seat names it, and focus goes to what happened', async () => {
    const vacateCouncilSeat = vi.fn(ok('seat', { id: 'S2' }));
    const page = await setup({ resolvers: { vacateCouncilSeat } });
    await page.get('button[aria-label="Avsluta platsen för Ledamot 2"]').trigger('click');
    await flushPromises();
    expect(vacateCouncilSeat.mock.calls[0]![0]).toEqual({ input: { seatId: 'S2' } });
    const status = page.get('#seats-heading ~ [role="status"]');
    expect(status.text()).toBe('Platsen för Ledamot 2 är avslutad.');
    expect(document.activeElement).toBe(status.element);
  });

  test("C-nätet: a department must be chosen; a representative is appointed and another's appointment ended", async () => {
    const appointCNatetRepresentative = vi.fn(ok('party', { id: 'D2' }));
    const removeCNatetRepresentative = vi.fn(ok('party', { id: 'D1' }));
    const page = await setup({ resolvers: { appointCNatetRepresentative, removeCNatetRepresentative } });
    const form = page.get('form[aria-labelledby="appoint-heading"]');
    await page.get('#cnatet-email').setValue('anna@example.se');
    await form.trigger('submit');
    await flushPromises();
    expect(appointCNatetRepresentative).not.toHaveBeenCalled();
    expect(page.get('#cnatet-department').attributes('aria-invalid')).toBe('true');
    await page.get('#cnatet-department').setValue('D2');
    await form.trigger('submit');
    await flushPromises();
    expect(appointCNatetRepresentative.mock.calls[0]![0]).toEqual({
      input: { departmentId: 'D2', personEmail: 'anna@example.se' },
    });
    expect(page.text()).toContain('Socialförvaltningen har fått en ny representant i C-nätet.');

    await page
      .get('button[aria-label="Avsluta uppdraget för representanten från Kultur- och fritidsförvaltningen"]')
      .trigger('click');
    await flushPromises();
    expect(removeCNatetRepresentative.mock.calls[0]![0]).toEqual({ input: { departmentId: 'D1' } });
  });

  test('someone else signed in is told the page is not for them', async () => {
    const page = await setup({ isCoordinator: false });
    expect(page.text()).toContain('Ditt konto har inte den rollen.');
    expect(page.find('form').exists()).toBe(false);
  });

  test('a signed-out visitor is asked to sign in and comes back here', async () => {
    const page = await setup({ signedIn: false });
    const link = page.get('a');
    expect(link.text()).toBe('Logga in');
    expect(link.attributes('href')).toBe('/logga-in?till=/samordnare/radet');
  });

  test('a list that fails to load says so in words, with a way to try again', async () => {
    const page = await setup({
      resolvers: {
        cnatetDepartments: () => {
          throw new Error('raw internal text');
        },
      },
    });
    const alert = page.get('#cnatet-heading ~ [role="alert"]');
    expect(alert.text()).toContain('Något gick fel.');
    expect(alert.find('button').text()).toBe('Försök igen');
    expect(page.text()).not.toContain('raw internal text');
    expect(page.text()).toContain('Erik Holm');
  });
});
