import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../../tests/fake-api';
import { mountInPage } from '../../../../tests/mount';
import { axeViolations } from '../../../../tests/axe';
import NewInvitationPage from './NewInvitationPage.vue';
import EditInvitationPage from './EditInvitationPage.vue';
import { fromLocalInput, toLocalInput } from './invitation-draft';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const party = { id: 'UGFydHk6MQ', name: 'Vivalla Kvinnoförening', joinedOn: '2026-01-10' };
const ID = 'SW52aXRhdGlvbjox';

function viewer(memberships: unknown[]) {
  return () => ({ id: 'V1', name: 'Maja Berg', email: 'maja@example.se', isCoordinator: false, memberships });
}

async function mountPage(
  component: typeof NewInvitationPage | typeof EditInvitationPage,
  resolvers: Record<string, (args: never) => unknown>,
  locale: 'sv' | 'en' = 'sv',
  props: Record<string, unknown> = {},
) {
  const mounted = await mountInPage(component as typeof NewInvitationPage, {
    locale,
    props: props as never,
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn: true,
          resolvers: {
            viewer: viewer([{ role: 'CONTACT', status: 'ACTIVE', party }]),
            knownAreasOfInterest: () => ['fritid', 'idrott'],
            ...resolvers,
          },
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted;
}

const saved = (status = 'DRAFT') => ({ invitation: { id: ID, version: 1, status }, errors: [] });

async function fillRequired(page: VueWrapper) {
  await page.get('#invitation-title').setValue('Dialog om mötesplatser');
  await page.get('#invitation-process').setValue('Fritidsplan 2027');
  await page.get('#invitation-stage').setValue('INVESTIGATION');
  await page.get('#invitation-inputWanted').setValue('Vilka mötesplatser saknas?');
  await page.get('#invitation-contactName').setValue('Anna Andersson');
  await page.get('#invitation-contactDetails').setValue('anna@exempel.se');
}

describe('the new invitation form', () => {
  test.each(['sv', 'en'] as const)(
    'preselects the only party, one occasion to fill in, axe clean in %s',
    async (locale) => {
      const { wrapper: page } = await mountPage(NewInvitationPage, {}, locale);
      expect(page.get('h1').text()).toBe(locale === 'sv' ? 'Ny inbjudan' : 'New invitation');
      expect((page.get('#invitation-partyId').element as HTMLSelectElement).value).toBe(party.id);
      expect(page.find('#invitation-occasions-0-startsAt').exists()).toBe(true);
      expect(page.find('#invitation-occasions-0-place').exists()).toBe(true);
      expect(page.find('#invitation-responseDeadline').exists()).toBe(false);
      expect(page.findAll('#invitation-known-areas option').map((o) => o.attributes('value'))).toEqual([
        'fritid',
        'idrott',
      ]);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('a consultation asks for proposals, a deadline and a series instead of occasions; axe clean', async () => {
    const { wrapper: page } = await mountPage(NewInvitationPage, {});
    await page.get('#invitation-kind-CONSULTATION').setValue(true);
    expect(page.find('#invitation-occasions-0-startsAt').exists()).toBe(false);
    expect(page.find('#invitation-proposals-0-title').exists()).toBe(true);
    expect(page.find('#invitation-responseDeadline').exists()).toBe(true);
    expect(page.find('#invitation-registrationSeries').exists()).toBe(true);
    await page
      .findAll('button')
      .find((b) => b.text() === 'Lägg till förslag')!
      .trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('invitation-proposals-1-title');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('a digital occasion asks for a link; occasions are added and removed by keyboard', async () => {
    const { wrapper: page } = await mountPage(NewInvitationPage, {});
    await page.get('#invitation-occasions-0-mode-DIGITAL').setValue(true);
    expect(page.find('#invitation-occasions-0-link').exists()).toBe(true);
    expect(page.find('#invitation-occasions-0-place').exists()).toBe(false);
    await page.get('#invitation-addOccasion').trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('invitation-occasions-1-startsAt');
    await page
      .findAll('button')
      .find((b) => b.text() === 'Ta bort tillfälle 2')!
      .trigger('click');
    expect(page.find('#invitation-occasions-1-startsAt').exists()).toBe(false);
    expect(document.activeElement?.id).toBe('invitation-addOccasion');
  });

  test('the audience chooser shows the kinds or the parties to name', async () => {
    const { wrapper: page } = await mountPage(NewInvitationPage, {});
    await page.get('#invitation-audience-PARTY_KINDS').setValue(true);
    expect(page.find('#invitation-partyKind-NETWORK').exists()).toBe(true);
    await page.get('#invitation-audience-NAMED_PARTIES').setValue(true);
    expect(page.find('#invitation-partyKind-NETWORK').exists()).toBe(false);
    expect(page.findAll('input[id^="invitation-named-"]').length).toBeGreaterThan(0);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('says what is missing before sending, beside the fields', async () => {
    const createInvitationDraft = vi.fn(() => saved());
    const { wrapper: page } = await mountPage(NewInvitationPage, { createInvitationDraft });
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(createInvitationDraft).not.toHaveBeenCalled();
    expect(page.get('#invitation-title').attributes('aria-invalid')).toBe('true');
    expect(page.get('#invitation-title-error').text()).toBe('Fältet måste fyllas i.');
    expect(page.get('#invitation-stage-error').text()).toBe('Fältet måste fyllas i.');
  });

  test.each(['sv', 'en'] as const)(
    'shows the payload errors at their fields, occasions included (%s)',
    async (locale) => {
      const createInvitationDraft = vi.fn(() => ({
        invitation: null,
        errors: [
          { field: ['input', 'title'], code: 'TOO_LONG', message: 'Högst 200 tecken.', max: 200 },
          {
            field: ['input', 'occasions', '0', 'registrationClosesOn'],
            code: 'INVALID',
            message: 'Sista anmälningsdag ska vara före dagen för tillfället.',
            max: null,
          },
          {
            field: ['input', 'occasions', '0', 'place'],
            code: 'REQUIRED',
            message: 'Ange platsen.',
            max: null,
          },
        ],
      }));
      const { wrapper: page } = await mountPage(NewInvitationPage, { createInvitationDraft }, locale);
      await fillRequired(page);
      await page.get('form').trigger('submit');
      await flushPromises();
      expect(page.get('#invitation-title-error').text()).toBe(
        locale === 'sv' ? 'Högst 200 tecken.' : 'At most 200 characters.',
      );
      expect(page.get('#invitation-occasions-0-registrationClosesOn').attributes('aria-invalid')).toBe(
        'true',
      );
      expect(page.find('#invitation-occasions-0-registrationClosesOn-error').exists()).toBe(true);
      expect(page.find('#invitation-occasions-0-place-error').exists()).toBe(true);
      if (locale === 'sv') {
        expect(page.get('#invitation-occasions-0-registrationClosesOn-error').text()).toBe(
          'Sista anmälningsdag ska vara före dagen för tillfället.',
        );
      }
      expect(page.find('.alert-error').exists()).toBe(false);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('publishing saves the draft with what was filled in, publishes it and opens the invitation', async () => {
    const createInvitationDraft = vi.fn((_args: unknown) => saved());
    const publishInvitation = vi.fn((_args: unknown) => ({
      invitation: { id: ID, version: 2, status: 'PUBLISHED', viewerActions: [], registrationNumber: null },
      errors: [],
    }));
    const { wrapper: page, router } = await mountPage(NewInvitationPage, {
      createInvitationDraft,
      publishInvitation,
    });
    await fillRequired(page);
    await page.get('#invitation-newArea').setValue(' Fritid ');
    await page
      .findAll('button')
      .find((b) => b.text() === 'Lägg till område')!
      .trigger('click');
    await page.get('#invitation-principle-DIALOGUE').setValue(true);
    await page.get('#invitation-occasions-0-startsAt').setValue('2027-01-20T18:00');
    await page.get('#invitation-occasions-0-endsAt').setValue('2027-01-20T20:00');
    await page.get('#invitation-occasions-0-place').setValue('Vivalla bibliotek');
    await page.get('#invitation-occasions-0-capacity').setValue('25');
    await page.get('#invitation-occasions-0-registrationClosesOn').setValue('2027-01-15');
    await page
      .findAll('button')
      .find((b) => b.text() === 'Publicera')!
      .trigger('click');
    await flushPromises();
    expect(createInvitationDraft.mock.calls[0]![0]).toEqual({
      input: {
        partyId: party.id,
        kind: 'DIALOGUE',
        title: 'Dialog om mötesplatser',
        process: 'Fritidsplan 2027',
        stage: 'INVESTIGATION',
        plannedDecisionOn: null,
        decidingBody: null,
        inputWanted: 'Vilka mötesplatser saknas?',
        principles: ['DIALOGUE'],
        areas: ['fritid'],
        audience: 'ALL_PARTIES',
        partyKinds: [],
        namedPartyIds: [],
        contactName: 'Anna Andersson',
        contactDetails: 'anna@exempel.se',
        documentIds: [],
        occasions: [
          {
            id: null,
            startsAt: fromLocalInput('2027-01-20T18:00'),
            endsAt: fromLocalInput('2027-01-20T20:00'),
            mode: 'IN_PERSON',
            link: null,
            place: 'Vivalla bibliotek',
            accessibility: null,
            capacity: 25,
            registrationClosesOn: '2027-01-15',
          },
        ],
        proposals: [],
        responseDeadline: null,
        registrationSeries: null,
      },
    });
    expect(publishInvitation.mock.calls[0]![0]).toEqual({ input: { invitationId: ID, expectedVersion: 1 } });
    expect(router.currentRoute.value.fullPath).toBe(`/dialog/${ID}`);
  });

  test('without a joined party it explains how to join; signed out it asks to sign in', async () => {
    const { wrapper: page } = await mountPage(NewInvitationPage, { viewer: viewer([]) });
    expect(page.text()).toContain('Du behöver vara medlem i en part som har anslutit sig');
    expect(page.find('form').exists()).toBe(false);
    wrapper?.unmount();
    const { wrapper: out } = await mountPage(NewInvitationPage, { viewer: () => null });
    expect(out.get('a').attributes('href')).toBe('/logga-in?till=/dialog/ny');
  });
});

const published = {
  id: ID,
  version: 7,
  status: 'PUBLISHED',
  kind: 'CONSULTATION',
  title: 'Remiss: Föreningsbidrag',
  process: 'Bidragsregler 2027',
  stage: 'PROPOSAL',
  plannedDecisionOn: '2027-06-01',
  decidingBody: 'Kultur- och fritidsnämnden',
  inputWanted: 'Vad tycker ni?',
  principles: [],
  areas: ['fritid'],
  audience: 'ALL_PARTIES',
  partyKinds: [],
  contactName: 'Anna',
  contactDetails: 'anna@exempel.se',
  responseDeadline: '2027-03-01',
  registrationNumber: 'KFN 3/2026',
  viewerActions: ['EDIT', 'CANCEL'],
  party,
  namedParties: [],
  occasions: [],
  proposals: [{ id: 'Q1', title: 'Höjt grundbidrag', description: null }],
  documents: [],
};

describe('editing an invitation', () => {
  test('a published consultation keeps its kind and series; saving sends the version seen and ids kept', async () => {
    const updateInvitation = vi.fn((_args: unknown) => saved('PUBLISHED'));
    const { wrapper: page, router } = await mountPage(
      EditInvitationPage,
      { invitation: () => published, updateInvitation },
      'sv',
      { id: ID },
    );
    expect(page.get('h1').text()).toBe('Redigera inbjudan');
    expect(page.get('#invitation-kind-DIALOGUE').attributes('disabled')).toBeDefined();
    expect((page.get('#invitation-registrationSeries').element as HTMLInputElement).value).toBe('KFN');
    expect(page.findAll('button').some((b) => b.text() === 'Publicera')).toBe(false);
    expect(await axeViolations(document.body)).toEqual([]);
    await page.get('#invitation-proposals-0-title').setValue('Höjt grundbidrag till 9 000 kr');
    await page.get('form').trigger('submit');
    await flushPromises();
    const input = (updateInvitation.mock.calls[0]![0] as { input: Record<string, unknown> }).input;
    expect(input).toMatchObject({
      invitationId: ID,
      expectedVersion: 7,
      kind: 'CONSULTATION',
      proposals: [{ id: 'Q1', title: 'Höjt grundbidrag till 9 000 kr', description: null }],
      responseDeadline: '2027-03-01',
      registrationSeries: 'KFN',
      occasions: [],
    });
    expect(router.currentRoute.value.fullPath).toBe(`/dialog/${ID}`);
  });

  test('an invitation the viewer may not edit says so', async () => {
    const { wrapper: page } = await mountPage(
      EditInvitationPage,
      { invitation: () => ({ ...published, viewerActions: [] }) },
      'en',
      { id: ID },
    );
    expect(page.text()).toContain('The invitation cannot be edited in its current state.');
    expect(page.find('form').exists()).toBe(false);
  });
});

test('times go to the server as instants and come back as the browser shows them', () => {
  expect(toLocalInput(fromLocalInput('2027-01-20T18:00'))).toBe('2027-01-20T18:00');
});
