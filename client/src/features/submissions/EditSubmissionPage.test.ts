import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import EditSubmissionPage from './EditSubmissionPage.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const ID = 'U3VibWlzc2lvbjox';

function matter(viewerActions: string[]) {
  return () => ({
    id: ID,
    version: 5,
    status: 'RETURNED',
    kind: 'OBSTACLE',
    title: 'Lokalbokningen',
    description: 'Nätverk saknar organisationsnummer.',
    principles: ['DIALOGUE'],
    commitments: [3],
    publication: 'RESTRICTION_REQUESTED',
    viewerActions,
    party: { id: 'UGFydHk6MQ', name: 'Vivalla Kvinnoförening' },
    activity: null,
    documents: [
      {
        id: 'RG9jdW1lbnQ6MQ',
        name: 'Skrivelse.pdf',
        mediaType: 'application/pdf',
        size: 1200,
        url: '/dokument/1/Skrivelse.pdf',
      },
    ],
  });
}

async function setup(resolvers: Record<string, (args: never) => unknown>, locale: 'sv' | 'en' = 'sv') {
  const mounted = await mountInPage(EditSubmissionPage, {
    locale,
    props: { id: ID },
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn: true,
          resolvers: { activityPlan: () => ({ id: 'AP1', activities: [] }), ...resolvers },
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 4; i++) await flushPromises();
  return mounted;
}

describe('editing a matter returned for completion', () => {
  test.each(['sv', 'en'] as const)('shows what was saved, axe clean in %s', async (locale) => {
    const { wrapper: page } = await setup({ submission: matter(['EDIT', 'SUBMIT', 'WITHDRAW']) }, locale);
    expect((page.get('#submission-title').element as HTMLInputElement).value).toBe('Lokalbokningen');
    expect((page.get('#submission-kind-OBSTACLE').element as HTMLInputElement).checked).toBe(true);
    expect((page.get('#submission-principle-DIALOGUE').element as HTMLInputElement).checked).toBe(true);
    expect((page.get('#submission-commitment-3').element as HTMLInputElement).checked).toBe(true);
    expect((page.get('#submission-requestsRestriction').element as HTMLInputElement).checked).toBe(true);
    expect(page.get('.submission-documents a').text()).toBe('Skrivelse.pdf');
    expect(page.find('#submission-partyId').exists()).toBe(false);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('saving sends the version seen and keeps the documents, then opens the matter', async () => {
    const updateSubmissionDraft = vi.fn((_args: unknown) => ({
      submission: { id: ID, version: 6, status: 'RETURNED' },
      errors: [],
    }));
    const { wrapper: page, router } = await setup({
      submission: matter(['EDIT', 'SUBMIT']),
      updateSubmissionDraft,
    });
    await page.get('#submission-title').setValue('Lokalbokningen i Vivalla');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(updateSubmissionDraft.mock.calls[0]![0]).toMatchObject({
      input: {
        submissionId: ID,
        expectedVersion: 5,
        title: 'Lokalbokningen i Vivalla',
        documentIds: ['RG9jdW1lbnQ6MQ'],
        requestsRestriction: true,
      },
    });
    expect(router.currentRoute.value.fullPath).toBe(`/arenden/${ID}`);
  });

  test('a stale version is said above the form', async () => {
    const updateSubmissionDraft = vi.fn(() => ({
      submission: null,
      errors: [
        {
          field: ['input', 'expectedVersion'],
          code: 'STALE_VERSION',
          message: 'Ärendet har just ändrats av någon annan.',
          max: null,
        },
      ],
    }));
    const { wrapper: page } = await setup({ submission: matter(['EDIT']), updateSubmissionDraft });
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(page.text()).toContain('Ärendet har just ändrats av någon annan.');
  });

  test('a matter that can no longer be edited says so', async () => {
    const { wrapper: page } = await setup({ submission: matter(['WITHDRAW']) });
    expect(page.find('form').exists()).toBe(false);
    expect(page.text()).toContain('Ärendet kan inte redigeras i sitt nuvarande läge.');
  });
});
