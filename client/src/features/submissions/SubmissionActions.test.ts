import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import type { SubmissionAction } from '../../gql/graphql';
import SubmissionActions from './SubmissionActions.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const ID = 'U3VibWlzc2lvbjox';
const after = (status: string) => ({
  submission: {
    id: ID,
    version: 4,
    status,
    publication: 'PUBLIC',
    registrationNumber: 'SR 1/2026',
    viewerActions: [],
  },
  errors: [],
});

async function setup(
  viewerActions: SubmissionAction[],
  resolvers: Record<string, (args: never) => unknown> = {},
  locale: 'sv' | 'en' = 'sv',
) {
  const mounted = await mountInPage(SubmissionActions, {
    locale,
    props: {
      submission: { id: ID, version: 3, status: 'SUBMITTED', viewerActions, registrationNumber: null },
    },
    global: { provide: { [DefaultApolloClient as symbol]: createFakeApollo({ signedIn: true, resolvers }) } },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted.wrapper;
}

const buttonTexts = (page: VueWrapper) => page.findAll('.button-row > button').map((b) => b.text());

describe('SubmissionActions', () => {
  test.each(['sv', 'en'] as const)(
    'shows only the allowed steps it handles, axe clean in %s',
    async (locale) => {
      const page = await setup(
        ['RETURN_FOR_COMPLETION', 'REGISTER', 'DECLINE', 'SCHEDULE', 'DECIDE_PUBLICATION'],
        {},
        locale,
      );
      expect(buttonTexts(page)).toEqual(
        locale === 'sv'
          ? ['Registrera', 'Återsänd för komplettering', 'Besluta om publicering', 'Avvisa']
          : ['Register', 'Return for completion', 'Decide on publication', 'Decline'],
      );
      expect(page.find('a').exists()).toBe(false);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('renders nothing without steps of its own; editing is a link', async () => {
    const none = await setup(['SCHEDULE', 'UNSCHEDULE']);
    expect(none.find('section').exists()).toBe(false);
    wrapper?.unmount();
    const edit = await setup(['EDIT', 'SUBMIT']);
    expect(edit.get('a').attributes('href')).toBe(`/arenden/${ID}/redigera`);
    expect(buttonTexts(edit)).toEqual(['Skicka in']);
  });

  test('registering takes one click with the version seen, then says so and emits changed', async () => {
    const registerSubmission = vi.fn((_args: unknown) => after('REGISTERED'));
    const page = await setup(['REGISTER'], { registerSubmission });
    await page.get('.button-row > button').trigger('click');
    await flushPromises();
    expect(registerSubmission.mock.calls[0]![0]).toEqual({ input: { submissionId: ID, expectedVersion: 3 } });
    expect(page.get('[role="status"]').text()).toBe('Klart: Registrera.');
    expect(page.emitted('changed')).toHaveLength(1);
    expect(document.activeElement?.id).toBe('submission-actions-heading');
  });

  test.each(['sv', 'en'] as const)(
    'declining asks to confirm and for a reason, focused; errors beside it; Escape closes (%s)',
    async (locale) => {
      const declineSubmission = vi.fn((_args: unknown) => after('DECLINED'));
      const page = await setup(['DECLINE'], { declineSubmission }, locale);
      const open = page.get('.button-row > button');
      await open.trigger('click');
      await flushPromises();
      expect(open.attributes('aria-expanded')).toBe('true');
      expect(document.activeElement?.id).toBe('submission-action-reason');
      expect(page.text()).toContain(
        locale === 'sv' ? 'Vill du avvisa ärendet?' : 'Do you want to decline the matter?',
      );
      expect(await axeViolations(document.body)).toEqual([]);
      await page.get('form').trigger('submit');
      await flushPromises();
      expect(declineSubmission).not.toHaveBeenCalled();
      expect(page.get('#submission-action-reason-error').text()).toBe(
        locale === 'sv' ? 'Fältet måste fyllas i.' : 'This field is required.',
      );
      await page.get('#submission-action-reason').setValue('Utanför överenskommelsen.');
      await page.get('form').trigger('submit');
      await flushPromises();
      expect(declineSubmission.mock.calls[0]![0]).toEqual({
        input: { submissionId: ID, expectedVersion: 3, reason: 'Utanför överenskommelsen.' },
      });
      expect(page.find('form').exists()).toBe(false);
      expect(page.emitted('changed')).toHaveLength(1);
    },
  );

  test('a refusal from the server is shown beside its field and nothing is emitted', async () => {
    const referSubmission = vi.fn(() => ({
      submission: null,
      errors: [
        {
          field: ['input', 'answerDueOn'],
          code: 'INVALID',
          message: 'Datumet har redan passerat.',
          max: null,
        },
      ],
    }));
    const parties = () => ({ edges: [{ node: { id: 'UGFydHk6OQ', name: 'Socialförvaltningen' } }] });
    const page = await setup(['REFER'], { referSubmission, parties });
    await page.get('.button-row > button').trigger('click');
    await flushPromises();
    const select = page.get('#submission-action-departmentId');
    const options = select.findAll('option').map((o) => o.text());
    expect(options[0]).toBe('Välj förvaltning');
    await select.setValue((select.findAll('option')[1]!.element as HTMLOptionElement).value);
    await page.get('#submission-action-answerDueOn').setValue('2030-01-01');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(page.get('#submission-action-answerDueOn-error').text()).toBe('Datumet har redan passerat.');
    expect(document.activeElement?.id).toBe('submission-action-answerDueOn');
    expect(page.emitted('changed')).toBeUndefined();
    await page.get('form').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(page.find('form').exists()).toBe(false);
    expect(document.activeElement?.textContent?.trim()).toBe('Remittera till förvaltning');
  });

  test('a step refused for a stale version says so, in English from the code', async () => {
    const registerSubmission = vi.fn(() => ({
      submission: null,
      errors: [
        {
          field: ['input', 'expectedVersion'],
          code: 'STALE_VERSION',
          message: 'Ärendet har just ändrats.',
          max: null,
        },
      ],
    }));
    const page = await setup(['REGISTER'], { registerSubmission }, 'en');
    await page.get('.button-row > button').trigger('click');
    await flushPromises();
    expect(page.get('[role="alert"]').text()).not.toBe('');
    expect(page.emitted('changed')).toBeUndefined();
  });
});
