import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../../tests/fake-api';
import { mountInPage } from '../../../../tests/mount';
import { axeViolations } from '../../../../tests/axe';
import type { InvitationAction } from '../../../gql/graphql';
import InvitationActions from './InvitationActions.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const ID = 'SW52aXRhdGlvbjox';
const state = (viewerActions: InvitationAction[], status = 'PUBLISHED') => ({
  id: ID,
  status,
  kind: 'DIALOGUE',
  version: 3,
  viewerActions,
});
const after = (status: string, extra: Record<string, unknown> = {}) => ({
  invitation: { id: ID, version: 4, status, viewerActions: [], ...extra },
  errors: [],
});

async function setup(
  viewerActions: InvitationAction[],
  resolvers: Record<string, (args: never) => unknown> = {},
  locale: 'sv' | 'en' = 'sv',
) {
  const invitation = vi.fn(() => state(viewerActions));
  const mounted = await mountInPage(InvitationActions, {
    locale,
    props: { invitationId: ID, revision: 0 },
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn: true,
          resolvers: { invitation, ...resolvers },
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return { page: mounted.wrapper, invitation };
}

const buttonTexts = (page: VueWrapper) => page.findAll('.button-row > button').map((b) => b.text());

describe('InvitationActions', () => {
  test.each(['sv', 'en'] as const)(
    'shows only the allowed steps, editing as a link, axe clean in %s',
    async (locale) => {
      const { page } = await setup(
        ['EDIT', 'CLOSE_REGISTRATION', 'MARK_HELD', 'CANCEL', 'MANAGE_OCCASIONS'],
        {},
        locale,
      );
      expect(buttonTexts(page)).toEqual(
        locale === 'sv'
          ? ['Stäng anmälan', 'Markera som genomförd', 'Ställ in']
          : ['Close registration', 'Mark as held', 'Cancel'],
      );
      expect(page.get('a').attributes('href')).toBe(`/dialog/${ID}/redigera`);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('renders nothing when the viewer may take no step', async () => {
    const { page } = await setup(['REGISTER', 'REPLY']);
    expect(page.find('section').exists()).toBe(false);
  });

  test('publishing takes one click with the version seen, says so, emits changed and keeps focus here', async () => {
    const publishInvitation = vi.fn((_args: unknown) => after('PUBLISHED', { registrationNumber: null }));
    const { page } = await setup(['EDIT', 'PUBLISH'], { publishInvitation });
    expect(buttonTexts(page)).toEqual(['Publicera']);
    await page.get('.button-row > button').trigger('click');
    await flushPromises();
    expect(publishInvitation.mock.calls[0]![0]).toEqual({ input: { invitationId: ID, expectedVersion: 3 } });
    expect(page.get('[role="status"]').text()).toBe('Klart: Publicera.');
    expect(page.emitted('changed')).toHaveLength(1);
    expect(document.activeElement?.id).toBe('invitation-actions-heading');
  });

  test('a refused step says why, in the alert', async () => {
    const publishInvitation = vi.fn(() => ({
      invitation: null,
      errors: [
        {
          field: ['input', 'occasions', '0', 'startsAt'],
          code: 'INVALID',
          message: 'Tidpunkten har redan passerat.',
          max: null,
        },
      ],
    }));
    const { page } = await setup(['PUBLISH'], { publishInvitation });
    await page.get('.button-row > button').trigger('click');
    await flushPromises();
    expect(page.get('[role="alert"]').text()).toContain('Tidpunkten har redan passerat.');
    expect(page.emitted('changed')).toBeUndefined();
  });

  test.each(['sv', 'en'] as const)(
    'cancelling asks to confirm and for a reason, focused; a missing one is said beside it; Escape closes (%s)',
    async (locale) => {
      const cancelInvitation = vi.fn((_args: unknown) => after('CANCELLED', { cancelReason: 'Sjukdom.' }));
      const { page } = await setup(['CANCEL'], { cancelInvitation }, locale);
      const open = page.get('.button-row > button');
      await open.trigger('click');
      await flushPromises();
      expect(open.attributes('aria-expanded')).toBe('true');
      expect(document.activeElement?.id).toBe('invitation-action-reason');
      expect(page.text()).toContain(
        locale === 'sv' ? 'Vill du ställa in inbjudan?' : 'Do you want to cancel the invitation?',
      );
      expect(await axeViolations(document.body)).toEqual([]);

      await page.get('form').trigger('submit');
      await flushPromises();
      expect(cancelInvitation).not.toHaveBeenCalled();
      expect(page.get('#invitation-action-reason-error').text()).toBe(
        locale === 'sv' ? 'Fältet måste fyllas i.' : 'This field is required.',
      );

      await page.get('form').trigger('keydown', { key: 'Escape' });
      await flushPromises();
      expect(page.find('form').exists()).toBe(false);
      expect(document.activeElement).toBe(open.element);

      await open.trigger('click');
      await flushPromises();
      await page.get('#invitation-action-reason').setValue('Sjukdom.');
      await page.get('form').trigger('submit');
      await flushPromises();
      expect(cancelInvitation.mock.calls[0]![0]).toEqual({
        input: { invitationId: ID, expectedVersion: 3, reason: 'Sjukdom.' },
      });
      expect(page.emitted('changed')).toHaveLength(1);
    },
  );

  test('a new revision reads the steps again', async () => {
    const { page, invitation } = await setup(['PUBLISH']);
    const calls = invitation.mock.calls.length;
    await page.setProps({ revision: 1 });
    await flushPromises();
    expect(invitation.mock.calls.length).toBeGreaterThan(calls);
  });
});
