import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../../tests/fake-api';
import { mountInPage } from '../../../../tests/mount';
import { axeViolations } from '../../../../tests/axe';
import InvitationFeedbackPanel from './InvitationFeedbackPanel.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const ID = 'SW52aXRhdGlvbjox';

function sampleInvitation(overrides: Record<string, unknown> = {}) {
  return {
    id: ID,
    version: 5,
    kind: 'DIALOGUE',
    status: 'HELD',
    feedback: null,
    feedbackPublishedAt: null,
    feedbackOverdue: false,
    viewerActions: [],
    ...overrides,
  };
}

async function setup(
  invitation: Record<string, unknown>,
  resolvers: Record<string, (args: never) => unknown> = {},
  locale: 'sv' | 'en' = 'sv',
) {
  const mounted = await mountInPage(InvitationFeedbackPanel, {
    locale,
    props: { invitationId: ID, revision: 0 },
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn: true,
          resolvers: { invitation: () => invitation, ...resolvers },
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted.wrapper;
}

describe('InvitationFeedbackPanel', () => {
  test.each([
    ['sv', 'Publicerad 3 mars 2027', 'Återkoppling'],
    ['en', 'Published 3 March 2027', 'Feedback'],
  ] as const)(
    'shows the published feedback to everyone, without a form, axe clean (%s)',
    async (locale, date, heading) => {
      const page = await setup(
        sampleInvitation({
          status: 'FEEDBACK_PUBLISHED',
          feedback: 'Era synpunkter om öppettider finns med i förslaget.',
          feedbackPublishedAt: '2027-03-03T10:00:00Z',
        }),
        {},
        locale,
      );
      expect(page.get('h2').text()).toBe(heading);
      expect(page.text()).toContain(date);
      expect(page.get('.invitation-feedback-text').text()).toBe(
        'Era synpunkter om öppettider finns med i förslaget.',
      );
      expect(page.find('button').exists()).toBe(false);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('says so when there is none yet', async () => {
    const page = await setup(sampleInvitation());
    expect(page.text()).toContain('Ingen återkoppling är publicerad ännu.');
  });

  test('the inviter writes it by keyboard: required first, then published with the version seen', async () => {
    const publishInvitationFeedback = vi.fn((_args: unknown) => ({
      invitation: sampleInvitation({
        version: 6,
        status: 'FEEDBACK_PUBLISHED',
        feedback: 'Beslut i nämnden.',
        feedbackPublishedAt: '2027-03-03T10:00:00Z',
      }),
      errors: [],
    }));
    const page = await setup(
      sampleInvitation({ viewerActions: ['PUBLISH_FEEDBACK', 'CLOSE'], feedbackOverdue: true }),
      { publishInvitationFeedback },
    );
    expect(page.text()).toContain('Återkopplingen är försenad');
    await page.get('button').trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('invitation-feedback-text');
    expect(page.get('label').text()).toBe('Vad kom ut av dialogen?');
    expect(await axeViolations(document.body)).toEqual([]);

    await page.get('form').trigger('submit');
    await flushPromises();
    expect(publishInvitationFeedback).not.toHaveBeenCalled();
    expect(page.get('#invitation-feedback-text-error').text()).toBe('Skriv vad som kom ut av dialogen.');

    await page.get('#invitation-feedback-text').setValue('Beslut i nämnden.');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(publishInvitationFeedback.mock.calls[0]![0]).toEqual({
      input: { invitationId: ID, expectedVersion: 5, text: 'Beslut i nämnden.' },
    });
    expect(page.find('form').exists()).toBe(false);
    expect(page.get('[role="status"]').text()).toBe(
      'Återkopplingen är publicerad och deltagarna har fått en avisering.',
    );
    expect(page.emitted('changed')).toHaveLength(1);
    expect(document.activeElement?.id).toBe('invitation-feedback-heading');
  });

  test('a refusal is shown beside the field, a stale version as an alert; nothing is emitted', async () => {
    const publishInvitationFeedback = vi.fn(() => ({
      invitation: null,
      errors: [
        { field: ['input', 'text'], message: 'Högst 10000 tecken.', code: 'TOO_LONG', max: 10000 },
        {
          field: ['input', 'expectedVersion'],
          message: 'Inbjudan har just ändrats av någon annan.',
          code: 'STALE_VERSION',
          max: null,
        },
      ],
    }));
    const page = await setup(sampleInvitation({ viewerActions: ['PUBLISH_FEEDBACK'] }), {
      publishInvitationFeedback,
    });
    await page.get('button').trigger('click');
    await flushPromises();
    await page.get('#invitation-feedback-text').setValue('x');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(page.get('#invitation-feedback-text').attributes('aria-invalid')).toBe('true');
    expect(page.find('#invitation-feedback-text-error').exists()).toBe(true);
    expect(page.get('[role="alert"]').text()).not.toBe('');
    expect(page.emitted('changed')).toBeUndefined();
  });

  test('Escape closes the form and gives focus back to its button', async () => {
    const page = await setup(sampleInvitation({ viewerActions: ['PUBLISH_FEEDBACK'] }));
    await page.get('button').trigger('click');
    await flushPromises();
    await page.get('form').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(page.find('form').exists()).toBe(false);
    expect(document.activeElement?.textContent?.trim()).toBe('Skriv återkoppling');
  });
});
