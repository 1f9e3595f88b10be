import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, type FakeApiOptions } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import RegisterPage from './RegisterPage.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function setup(options: FakeApiOptions = {}, locale: 'sv' | 'en' = 'sv') {
  const client = createFakeApollo(options);
  ({ wrapper } = await mountInPage(RegisterPage, {
    locale,
    global: { provide: { [DefaultApolloClient as symbol]: client } },
  }));
  await flushPromises();
  return { page: wrapper!, client };
}

const errorOf = (page: VueWrapper, id: string) => {
  const input = page.get(`#${id}`);
  const describedBy = input.attributes('aria-describedby') ?? '';
  return describedBy
    .split(' ')
    .map((ref) => page.find(`#${ref}.field-error`))
    .find((el) => el.exists())
    ?.text();
};

describe('registration page', () => {
  test.each(['sv', 'en'] as const)(
    'has no axe violations in %s, with every party field shown',
    async (locale) => {
      const { page } = await setup({}, locale);
      await page.get('input[type="radio"][value="create"]').setValue(true);
      expect(await axeViolations(document.body)).toEqual([]);
      // The ten kinds, grouped civil society / municipal.
      expect(page.findAll('#reg-party-kind optgroup').map((g) => g.findAll('option').length)).toEqual([7, 3]);
    },
  );

  test('says the password must have at least ten characters', async () => {
    const { page } = await setup();
    expect(page.get('#reg-password-hint').text()).toContain('Minst 10 tecken');
  });

  test('client-side errors appear beside their fields and focus goes to the first', async () => {
    const { page, client } = await setup();
    const mutate = vi.spyOn(client, 'mutate');
    await page.get('#reg-email').setValue('inte-en-adress');
    await page.get('#reg-password').setValue('kort');
    await page.get('input[type="radio"][value="create"]').setValue(true);
    await page.get('#reg-party-kind').setValue('FOUNDATION');
    await page.get('#reg-party-organisationNumber').setValue('802002-4281');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(mutate).not.toHaveBeenCalled();
    expect(errorOf(page, 'reg-name')).toBe('Fältet måste fyllas i.');
    expect(errorOf(page, 'reg-email')).toBe('Skriv en giltig e-postadress.');
    expect(errorOf(page, 'reg-password')).toBe('Lösenordet måste ha minst 10 tecken.');
    expect(errorOf(page, 'reg-party-organisationNumber')).toContain('kontrollsiffran');
    expect(page.get('#reg-party-organisationNumber').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('reg-name');
    expect(page.get('[role="alert"]').text()).toContain('Formuläret innehåller fel');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('a network is asked for a contact person and participants instead of an organisationsnummer', async () => {
    const { page } = await setup();
    await page.get('input[type="radio"][value="create"]').setValue(true);
    expect(page.find('#reg-party-networkContactName').exists()).toBe(false);
    await page.get('#reg-party-kind').setValue('NETWORK');
    expect(page.find('#reg-party-networkContactName').exists()).toBe(true);
    expect(page.find('#reg-party-networkParticipants').exists()).toBe(true);
    expect(page.get('#reg-party-organisationNumber').attributes('required')).toBeUndefined();
  });

  test("the server's payload errors are shown beside their fields, translated by code", async () => {
    const register = vi.fn(() => ({
      email: null,
      errors: [
        { field: ['input', 'email'], message: 'RAW duplicate', code: 'DUPLICATE' },
        {
          field: ['input', 'createParty', 'organisationNumber'],
          message: 'RAW duplicate',
          code: 'DUPLICATE',
        },
      ],
    }));
    const { page } = await setup({ resolvers: { register } });
    await page.get('#reg-name').setValue('Anna Andersson');
    await page.get('#reg-email').setValue('anna@example.se');
    await page.get('#reg-password').setValue('en lång fras');
    await page.get('input[type="radio"][value="create"]').setValue(true);
    await page.get('#reg-party-name').setValue('Klubben');
    await page.get('#reg-party-kind').setValue('FOUNDATION');
    await page.get('#reg-party-organisationNumber').setValue('8020024280');
    await page.get('#reg-party-areasOfInterest').setValue('idrott, kultur');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(register).toHaveBeenCalledOnce();
    expect(
      (register.mock.calls[0] as unknown as [{ input: Record<string, unknown> }])[0].input,
    ).toMatchObject({
      email: 'anna@example.se',
      createParty: { organisationNumber: '802002-4280', areasOfInterest: ['idrott', 'kultur'] },
      joinPartyId: null,
    });
    expect(errorOf(page, 'reg-email')).toBe('Det finns redan – uppgiften måste vara unik.');
    expect(errorOf(page, 'reg-party-organisationNumber')).toBe(
      'Det finns redan – uppgiften måste vara unik.',
    );
    expect(page.text()).not.toContain('RAW duplicate');
    expect(document.activeElement?.id).toBe('reg-email');
  });

  test('asking to join: search the register, choose a party, register', async () => {
    const register = vi.fn(() => ({ email: 'anna@example.se', errors: [] }));
    const { page } = await setup({ resolvers: { register } });
    await page.get('#reg-name').setValue('Anna Andersson');
    await page.get('#reg-email').setValue('anna@example.se');
    await page.get('#reg-password').setValue('en lång fras');
    await page.get('input[type="radio"][value="join"]').setValue(true);
    await page.get('#reg-join-search').setValue('schack');
    await page.get('#reg-join-search').trigger('keydown', { key: 'Enter' });
    await flushPromises();
    const choose = page.get('button[aria-label="Välj Örebro Schackklubb"]');
    await choose.trigger('click');
    expect(choose.attributes('aria-pressed')).toBe('true');
    expect(page.text()).toContain('Vald part: Örebro Schackklubb');
    expect(await axeViolations(document.body)).toEqual([]);
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(
      (register.mock.calls[0] as unknown as [{ input: Record<string, unknown> }])[0].input,
    ).toMatchObject({
      joinPartyId: 'P1',
      createParty: null,
    });
    expect(page.get('[role="status"]').text()).toContain('Titta i din e-post.');
  });

  test.each(['sv', 'en'] as const)(
    'a registration answers "check your mail" in %s, the same whether the address was new or known, and offers sign-in',
    async (locale) => {
      const register = vi.fn(() => ({ email: 'anna@example.se', errors: [] }));
      const { page, client } = await setup({ resolvers: { register } }, locale);
      const resetStore = vi.spyOn(client, 'resetStore');
      await page.get('#reg-name').setValue('Anna Andersson');
      await page.get('#reg-email').setValue('Anna@Example.se');
      await page.get('#reg-password').setValue('en lång fras');
      await page.get('form').trigger('submit');
      await flushPromises();
      const status = page.get('[role="status"]');
      expect(status.text()).toContain(locale === 'sv' ? 'Titta i din e-post.' : 'Check your e-mail.');
      expect(status.text()).toContain('anna@example.se');
      expect(document.activeElement).toBe(status.element);
      expect(page.get('a[href="/logga-in"]').text()).toBe(locale === 'sv' ? 'Logga in' : 'Sign in');
      expect(page.find('form').exists()).toBe(false);
      // Nobody was signed in, so nothing cached needs to be forgotten.
      expect(resetStore).not.toHaveBeenCalled();
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test.each([
    ['FORBIDDEN', 'Du har inte behörighet att göra det här.'],
    ['INTERNAL_SERVER_ERROR', 'Något gick fel. Försök igen om en stund.'],
  ])('a top-level %s error is translated, never raw', async (code, message) => {
    const { page, client } = await setup();
    const { GraphQLError } = await import('graphql');
    const { ApolloError } = await import('@apollo/client/core');
    vi.spyOn(client, 'mutate').mockRejectedValue(
      new ApolloError({ graphQLErrors: [new GraphQLError('raw server text', { extensions: { code } })] }),
    );
    await page.get('#reg-name').setValue('Anna Andersson');
    await page.get('#reg-email').setValue('anna@example.se');
    await page.get('#reg-password').setValue('en lång fras');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(page.get('[role="alert"]').text()).toBe(message);
    expect(page.text()).not.toContain('raw server text');
  });
});
