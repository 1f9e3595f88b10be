import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../../tests/fake-api';
import { mountInPage } from '../../../../tests/mount';
import { axeViolations } from '../../../../tests/axe';
import ConsultationPanel from './ConsultationPanel.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const ID = 'SW52aXRhdGlvbjox';
const PROPOSALS = [
  { id: 'PR1', position: 1, title: 'Fler lokaler', description: 'Öppna skolorna på kvällen.' },
  { id: 'PR2', position: 2, title: 'Nya bidragsregler', description: null },
];

function response(overrides: Record<string, unknown> = {}) {
  return {
    id: 'R1',
    version: 2,
    text: 'Vi välkomnar planen.',
    withheld: false,
    submittedAt: '2026-11-20T10:00:00Z',
    verdict: null,
    verdictReason: null,
    party: { id: 'P1', name: 'Vivalla Kvinnoförening' },
    documents: [],
    positions: [
      {
        stance: 'SUPPORTS',
        text: 'Bra.',
        verdict: null,
        verdictReason: null,
        proposal: { ...PROPOSALS[0] },
      },
      {
        stance: 'OPPOSES',
        text: null,
        verdict: null,
        verdictReason: null,
        proposal: { ...PROPOSALS[1] },
      },
    ],
    ...overrides,
  };
}

function consultation(overrides: Record<string, unknown> = {}) {
  return {
    id: ID,
    kind: 'CONSULTATION',
    status: 'PUBLISHED',
    version: 5,
    responseDeadline: '2099-12-31',
    responseCount: 0,
    compilationSummary: null,
    compilationPublishedAt: null,
    viewerActions: ['RESPOND'],
    proposals: PROPOSALS,
    viewerInvitedParties: [{ id: 'P1', name: 'Vivalla Kvinnoförening' }],
    viewerResponses: [],
    responses: [],
    ...overrides,
  };
}

async function setup(
  invitation: Record<string, unknown>,
  resolvers: Record<string, (args: never) => unknown> = {},
  locale: 'sv' | 'en' = 'sv',
) {
  const mounted = await mountInPage(ConsultationPanel, {
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
  for (let i = 0; i < 4; i++) await flushPromises();
  return mounted.wrapper;
}

const ok = (extra: Record<string, unknown> = {}) => ({ errors: [], ...extra });

describe('ConsultationPanel, the response form', () => {
  test.each(['sv', 'en'] as const)(
    'a radio group per proposal in a fieldset, axe clean (%s)',
    async (locale) => {
      const page = await setup(consultation(), {}, locale);
      const legends = page.findAll('fieldset[role="radiogroup"] legend').map((l) => l.text());
      expect(legends).toEqual(
        locale === 'sv'
          ? ['Förslag 1: Fler lokaler', 'Förslag 2: Nya bidragsregler']
          : ['Proposal 1: Fler lokaler', 'Proposal 2: Nya bidragsregler'],
      );
      const labels = page
        .findAll('fieldset[role="radiogroup"]')[0]!
        .findAll('label')
        .map((l) => l.text());
      expect(labels).toEqual(
        locale === 'sv' ? ['Tillstyrker', 'Avstyrker', 'Ingen synpunkt'] : ['Supports', 'Opposes', 'No view'],
      );
      expect(page.text()).toContain(
        locale === 'sv' ? 'Publicera inte vårt svar' : 'Do not publish our response',
      );
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('a proposal without a stance is said at its group, focused, and nothing is sent', async () => {
    const saveConsultationResponse = vi.fn((_args: unknown) => ok());
    const page = await setup(consultation(), { saveConsultationResponse });
    await page.get('#consultation-response-positions-0-SUPPORTS').setValue(true);
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(saveConsultationResponse).not.toHaveBeenCalled();
    expect(page.get('#consultation-response-positions-1-stance-error').text()).toBe(
      'Välj tillstyrker, avstyrker eller ingen synpunkt.',
    );
    expect(document.activeElement?.id).toBe('consultation-response-positions-1-SUPPORTS');
  });

  test('sends the whole response with the version seen, then says so and emits changed', async () => {
    const saveConsultationResponse = vi.fn((_args: unknown) => ok({ response: { id: 'R1', version: 3 } }));
    const page = await setup(consultation({ viewerResponses: [response()] }), { saveConsultationResponse });
    // The form starts from the party's earlier response.
    expect((page.get('#consultation-response-positions-1-OPPOSES').element as HTMLInputElement).checked).toBe(
      true,
    );
    expect(page.get('button[type="submit"]').text()).toBe('Spara ändringar');
    await page.get('#consultation-response-positions-1-NO_VIEW').setValue(true);
    await page.get('#consultation-response-withheld').setValue(true);
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(saveConsultationResponse.mock.calls[0]![0]).toEqual({
      input: {
        invitationId: ID,
        partyId: 'P1',
        expectedVersion: 2,
        text: 'Vi välkomnar planen.',
        withheld: true,
        positions: [
          { proposalId: 'PR1', stance: 'SUPPORTS', text: 'Bra.' },
          { proposalId: 'PR2', stance: 'NO_VIEW', text: null },
        ],
        documentIds: [],
      },
    });
    expect(page.text()).toContain('Ert remissvar är sparat.');
    expect(page.emitted('changed')).toHaveLength(1);
  });

  test('the server’s errors beside their fields; a late response in the alert', async () => {
    const saveConsultationResponse = vi.fn((_args: unknown) => ({
      response: null,
      errors: [
        {
          field: ['input', 'positions', '1', 'text'],
          code: 'TOO_LONG',
          message: 'Högst 10000 tecken.',
          max: 10000,
        },
        { field: ['input'], code: 'INVALID_TRANSITION', message: 'Remisstiden har gått ut.', max: null },
      ],
    }));
    const page = await setup(consultation({ viewerResponses: [response()] }), { saveConsultationResponse });
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(page.get('#consultation-response-positions-1-text-error').text()).toBe('Högst 10000 tecken.');
    expect(page.get('[role="alert"].alert').text()).toContain('Det går inte');
    expect(page.emitted('changed')).toBeUndefined();
  });
});

describe('ConsultationPanel, the responses and the compilation', () => {
  test('shows published responses with how each was handled; no form without RESPOND', async () => {
    const page = await setup(
      consultation({
        status: 'FEEDBACK_PUBLISHED',
        viewerActions: [],
        responseCount: 1,
        compilationSummary: 'Planen har ändrats.',
        compilationPublishedAt: '2026-12-10T10:00:00Z',
        responses: [response({ verdict: 'NOT_ADOPTED', verdictReason: 'Ryms inte i budgeten.' })],
      }),
    );
    expect(page.find('form').exists()).toBe(false);
    expect(page.text()).toContain('Planen har ändrats.');
    expect(page.get('.consultation-response').text()).toContain('Hantering: Inte beaktat');
    expect(page.get('.consultation-response').text()).toContain('Motivering: Ryms inte i budgeten.');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('no form once the deadline day has ended, though the clock has not yet closed it', async () => {
    const page = await setup(consultation({ responseDeadline: '2020-01-31' }));
    expect(page.find('form').exists()).toBe(false);
    expect(page.text()).toContain('Inga remissvar att visa.');
  });

  test('renders nothing for a dialogue invitation', async () => {
    const page = await setup(consultation({ kind: 'DIALOGUE', viewerActions: [] }));
    expect(page.find('section').exists()).toBe(false);
  });

  test.each(['sv', 'en'] as const)(
    'the inviter judges point by point with reasons, then publishes (%s)',
    async (locale) => {
      const judgeConsultationResponse = vi.fn((_args: unknown) =>
        ok({ response: { id: 'R1', verdict: null }, invitation: { id: ID, version: 6 } }),
      );
      const publishConsultationCompilation = vi.fn((_args: unknown) => ({
        invitation: null,
        errors: [
          { field: ['input'], code: 'REQUIRED', message: 'Ett remissvar är inte bedömt än.', max: null },
        ],
      }));
      const page = await setup(
        consultation({ status: 'DEADLINE_PASSED', viewerActions: ['COMPILE'], responses: [response()] }),
        { judgeConsultationResponse, publishConsultationCompilation },
        locale,
      );
      expect(await axeViolations(document.body)).toEqual([]);
      const judge = page.get('form.compilation-response');
      await judge.get('#compilation-R1-point-0').setValue('ADOPTED');
      await judge.get('#compilation-R1-point-1').setValue('NOT_ADOPTED');
      await judge.trigger('submit');
      await flushPromises();
      // A verdict that does not adopt needs its reason: said at the field, nothing sent.
      expect(judgeConsultationResponse).not.toHaveBeenCalled();
      expect(page.get('#compilation-R1-point-1-reason-error').text()).toBe(
        locale === 'sv' ? 'Motivera varför det inte beaktas helt.' : 'Say why it is not adopted in full.',
      );
      await page.get('#compilation-R1-point-1-reason').setValue('Ryms inte i budgeten.');
      await judge.trigger('submit');
      await flushPromises();
      expect(judgeConsultationResponse.mock.calls[0]![0]).toEqual({
        input: {
          responseId: 'R1',
          expectedVersion: 5,
          verdict: null,
          verdictReason: null,
          positions: [
            { proposalId: 'PR1', verdict: 'ADOPTED', verdictReason: null },
            { proposalId: 'PR2', verdict: 'NOT_ADOPTED', verdictReason: 'Ryms inte i budgeten.' },
          ],
        },
      });
      expect(page.emitted('changed')).toHaveLength(1);

      await page.get('#compilation-summary').setValue('Sammanfattning.');
      await page.get('form.compilation-publish').trigger('submit');
      await flushPromises();
      expect(publishConsultationCompilation.mock.calls[0]![0]).toEqual({
        input: { invitationId: ID, expectedVersion: 5, summary: 'Sammanfattning.' },
      });
      expect(page.get('.compilation-publish [role="alert"]').text()).toBe(
        locale === 'sv'
          ? 'Alla remissvar behöver bedömas innan sammanställningen publiceras.'
          : 'Every response must be judged before the compilation is published.',
      );
    },
  );
});
