import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import NewSubmissionPage from './NewSubmissionPage.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const party = { id: 'UGFydHk6MQ', name: 'Vivalla Kvinnoförening', joinedOn: '2026-01-10' };

function viewer(memberships: unknown[]) {
  return () => ({ id: 'V1', name: 'Maja Berg', email: 'maja@example.se', isCoordinator: false, memberships });
}

async function setup(resolvers: Record<string, (args: never) => unknown>, locale: 'sv' | 'en' = 'sv') {
  const mounted = await mountInPage(NewSubmissionPage, {
    locale,
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn: true,
          resolvers: {
            viewer: viewer([{ role: 'CONTACT', status: 'ACTIVE', party }]),
            activityPlan: () => ({ id: 'AP1', activities: [{ id: 'A1', number: 1, title: 'Dialogforum' }] }),
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

const created = (id = 'U3VibWlzc2lvbjox') => ({
  submission: { id, version: 1, status: 'DRAFT' },
  errors: [],
});

describe('the new matter form', () => {
  test.each(['sv', 'en'] as const)(
    'preselects the only party, lists principles and commitments, axe clean in %s',
    async (locale) => {
      const { wrapper: page } = await setup({}, locale);
      expect((page.get('#submission-partyId').element as HTMLSelectElement).value).toBe(party.id);
      expect(page.get('label[for="submission-principle-OPENNESS"]').text()).toBe(
        locale === 'sv' ? 'Öppenhet och insyn' : 'Openness and transparency',
      );
      expect(page.get('label[for="submission-commitment-2"]').text()).toBe('2. Åtagande 2.');
      expect(page.find('#submission-requestsRestriction').exists()).toBe(true);
      expect(page.get('h1').text()).toBe(locale === 'sv' ? 'Nytt ärende' : 'New matter');
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('says what is missing before sending, beside the fields', async () => {
    const createSubmissionDraft = vi.fn(() => created());
    const { wrapper: page } = await setup({ createSubmissionDraft });
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(createSubmissionDraft).not.toHaveBeenCalled();
    expect(page.get('#submission-title').attributes('aria-invalid')).toBe('true');
    expect(page.get('#submission-title-error').text()).toBe('Fältet måste fyllas i.');
    expect(page.get('#submission-kind-error').text()).toBe('Fältet måste fyllas i.');
  });

  test.each(['sv', 'en'] as const)('shows the payload errors at their fields (%s)', async (locale) => {
    const createSubmissionDraft = vi.fn(() => ({
      submission: null,
      errors: [
        { field: ['input', 'title'], code: 'TOO_LONG', message: 'Högst 200 tecken.', max: 200 },
        {
          field: ['input', 'documentIds', '0'],
          code: 'NOT_FOUND',
          message: 'Dokumentet finns inte; ladda upp det igen.',
          max: null,
        },
      ],
    }));
    const { wrapper: page } = await setup({ createSubmissionDraft }, locale);
    await page.get('#submission-kind-OBSTACLE').setValue(true);
    await page.get('#submission-title').setValue('Lokaler');
    await page.get('#submission-description').setValue('Vi saknar lokaler.');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(page.get('#submission-title-error').text()).toBe(
      locale === 'sv' ? 'Högst 200 tecken.' : 'At most 200 characters.',
    );
    expect(page.get('#submission-file-error').text()).toBe(
      locale === 'sv'
        ? 'Dokumentet finns inte; ladda upp det igen.'
        : 'What you are looking for no longer exists.',
    );
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('submitting saves the draft with what was chosen, submits it, and opens the matter', async () => {
    const createSubmissionDraft = vi.fn((_args: unknown) => created());
    const submitSubmission = vi.fn((_args: unknown) => ({
      submission: {
        id: 'U3VibWlzc2lvbjox',
        version: 2,
        status: 'SUBMITTED',
        publication: 'RESTRICTION_REQUESTED',
        registrationNumber: null,
        viewerActions: [],
      },
      errors: [],
    }));
    const { wrapper: page, router } = await setup({ createSubmissionDraft, submitSubmission });
    await page.get('#submission-kind-QUESTION').setValue(true);
    await page.get('#submission-title').setValue('  Lokaler för nätverk ');
    await page.get('#submission-description').setValue('Vi saknar organisationsnummer.');
    await page.get('#submission-principle-DIALOGUE').setValue(true);
    await page.get('#submission-commitment-5').setValue(true);
    await page.get('#submission-commitment-2').setValue(true);
    await page.get('#submission-activityId').setValue('A1');
    await page.get('#submission-requestsRestriction').setValue(true);
    const submit = page.findAll('button').find((b) => b.text() === 'Skicka in')!;
    await submit.trigger('click');
    await flushPromises();
    expect(createSubmissionDraft.mock.calls[0]![0]).toEqual({
      input: {
        partyId: party.id,
        kind: 'QUESTION',
        title: '  Lokaler för nätverk ',
        description: 'Vi saknar organisationsnummer.',
        principles: ['DIALOGUE'],
        commitments: [2, 5],
        activityId: 'A1',
        documentIds: [],
        requestsRestriction: true,
      },
    });
    expect(submitSubmission.mock.calls[0]![0]).toEqual({
      input: { submissionId: 'U3VibWlzc2lvbjox', expectedVersion: 1 },
    });
    expect(router.currentRoute.value.fullPath).toBe('/arenden/U3VibWlzc2lvbjox');
  });

  test('without a joined party it explains how to join', async () => {
    const { wrapper: page } = await setup({ viewer: viewer([]) });
    expect(page.text()).toContain('Du behöver vara medlem i en part som har anslutit sig');
    expect(page.get('a[href="/parter"]').text()).toBe('Se parterna och hur man ansluter sig');
    expect(page.find('form').exists()).toBe(false);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('signed out, it asks to sign in first', async () => {
    const { wrapper: page } = await setup({ viewer: () => null });
    expect(page.get('a').attributes('href')).toBe('/logga-in?till=/arenden/nytt');
    expect(page.find('form').exists()).toBe(false);
  });
});
