import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, type FakeApiOptions } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import CoordinatorPage from './CoordinatorPage.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function setup(options: FakeApiOptions = { signedIn: true }, locale: 'sv' | 'en' = 'sv') {
  const mounted = await mountInPage(CoordinatorPage, {
    locale,
    global: { provide: { [DefaultApolloClient as symbol]: createFakeApollo(options) } },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted.wrapper;
}

const payload = (key: string, value: unknown) => (_args: unknown) => ({ [key]: value, errors: [] });

describe("the coordinator's queue", () => {
  test.each(['sv', 'en'] as const)(
    'shows accessions, networks, nominations and cases, axe clean in %s',
    async (locale) => {
      const page = await setup({ signedIn: true }, locale);
      const text = page.text();
      for (const part of ['Nya föreningen', 'Doris Dahl', 'Vi bestrider detta.', 'Cecilia Ek'])
        expect(text).toContain(part);
      expect(page.find('.connection').exists()).toBe(true);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('each affirmation of a request is shown', async () => {
    const page = await setup();
    const items = page.findAll('#accessions-heading ~ article li').map((li) => li.text());
    expect(items).toEqual([
      'Vi är demokratiskt organiserade. Intygat',
      'Vi står bakom överenskommelsens värdegrund. Intygat',
      'Vi står bakom de sex principerna för samverkan. Intygat',
      'Vi står bakom de sex långsiktiga åtagandena. Intygat',
    ]);
  });

  test('approving sends the version seen', async () => {
    const approveAccession = vi.fn(payload('accession', { id: 'A4', status: 'APPROVED', version: 2 }));
    const page = await setup({ signedIn: true, resolvers: { approveAccession } });
    await page.get('button[aria-label="Godkänn ansökan från Nya föreningen"]').trigger('click');
    await flushPromises();
    expect(approveAccession.mock.calls[0]![0]).toEqual({ input: { accessionId: 'A4', expectedVersion: 1 } });
    expect(page.text()).toContain('Beslutet är registrerat.');
  });

  test('rejecting needs a reason, shown beside the field; then it is sent', async () => {
    const rejectAccession = vi.fn(payload('accession', { id: 'A4', status: 'REJECTED', version: 2 }));
    const page = await setup({ signedIn: true, resolvers: { rejectAccession } });
    await page.get('button[aria-label="Avslå ansökan från Nya föreningen"]').trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('reason-A4');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(rejectAccession).not.toHaveBeenCalled();
    expect(page.get('#reason-A4').attributes('aria-invalid')).toBe('true');
    expect(page.get('#reason-A4-error').text()).toBe('Fältet måste fyllas i.');
    expect(await axeViolations(document.body)).toEqual([]);
    await page.get('#reason-A4').setValue('Saknar demokratisk struktur.');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(rejectAccession.mock.calls[0]![0]).toEqual({
      input: { accessionId: 'A4', expectedVersion: 1, reason: 'Saknar demokratisk struktur.' },
    });
  });

  test.each([
    ['sv', 'Högst 4000 tecken.'],
    ['en', 'At most 4000 characters.'],
  ] as const)(
    "a server's payload error on the reason goes beside the field with its limit, in %s",
    async (locale, text) => {
      const rejectAccession = vi.fn(() => ({
        accession: null,
        errors: [{ field: ['input', 'reason'], message: 'Högst 4000 tecken.', code: 'TOO_LONG', max: 4000 }],
      }));
      const page = await setup({ signedIn: true, resolvers: { rejectAccession } }, locale);
      await page
        .get(
          locale === 'sv'
            ? 'button[aria-label="Avslå ansökan från Nya föreningen"]'
            : 'button[aria-label="Reject the request from Nya föreningen"]',
        )
        .trigger('click');
      await flushPromises();
      await page.get('#reason-A4').setValue('x');
      await page.get('form').trigger('submit');
      await flushPromises();
      expect(page.get('#reason-A4-error').text()).toBe(text);
      expect(page.get('#reason-A4').attributes('maxlength')).toBe('4000');
    },
  );

  test("recording Samverkansrådet's decision needs the outcome and the text", async () => {
    const recordExclusionDecision = vi.fn(
      payload('exclusionCase', {
        id: 'E1',
        status: 'EXCLUDED',
        councilDecision: 'x',
        decidedAt: null,
        version: 3,
      }),
    );
    const page = await setup({ signedIn: true, resolvers: { recordExclusionDecision } });
    const form = page.get('#decision-E1').element.closest('form')!;
    form.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(recordExclusionDecision).not.toHaveBeenCalled();
    expect(page.get('#excluded-E1-error').text()).toBe('Fältet måste fyllas i.');
    await page.get('#excluded-E1-yes').setValue(true);
    await page.get('#decision-E1').setValue('Samverkansrådet beslutar att utesluta parten.');
    form.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(recordExclusionDecision.mock.calls[0]![0]).toEqual({
      input: {
        exclusionCaseId: 'E1',
        expectedVersion: 2,
        excluded: true,
        decision: 'Samverkansrådet beslutar att utesluta parten.',
      },
    });
  });

  test('anyone else sees a friendly "not allowed"', async () => {
    const page = await setup({ signedIn: true, isCoordinator: false });
    expect(page.text()).toContain('Den här sidan är till för samordnaren');
    expect(page.find('.connection').exists()).toBe(false);
  });
});
