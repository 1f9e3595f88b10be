import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, type FakeApiOptions } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import MinutesPage from './MinutesPage.vue';

const MEETING_ID = 'TWVldGluZzox';

function sampleMinutes(status: string, viewerActions: string[], overrides: Record<string, unknown> = {}) {
  const published = status === 'PUBLISHED';
  const approved = status === 'APPROVED' || published;
  return {
    status,
    version: 2,
    viewerActions,
    pdfUrl: published ? `/moten/${MEETING_ID}/protokoll.pdf` : null,
    openingNote: 'Ordföranden hälsade välkommen.',
    closingNote: null,
    draftedAt: '2026-11-20T18:00:00Z',
    sentAt: status === 'DRAFT' ? null : '2026-11-21T09:00:00Z',
    approvedAt: approved ? '2026-11-22T09:00:00Z' : null,
    publishedAt: published ? '2026-11-23T09:00:00Z' : null,
    meeting: {
      id: MEETING_ID,
      title: 'Samverkansrådets möte',
      forumName: 'Samverkansrådet',
      startsAt: '2026-11-20T16:00:00Z',
      endsAt: '2026-11-20T18:00:00Z',
      startedAt: '2026-11-20T16:02:00Z',
      closedAt: '2026-11-20T17:40:00Z',
      location: 'Rådhuset',
      digitalLink: null,
      chairName: 'Erik Holm',
      adjusterNames: ['Maja Berg'],
    },
    attendance: {
      present: [{ name: 'Erik Holm', organisation: 'Örebro Föreningsråd' }],
      absent: [{ name: 'Johan Ek', organisation: null }],
      changes: [
        { name: 'Maja Berg', organisation: null, arrived: true, at: '2026-11-20T16:20:00Z', paragraph: 2 },
      ],
    },
    paragraphs: [
      { number: 1, title: 'Mötets öppnande', deferred: false, decision: 'Mötet öppnades.', minute: null },
      {
        number: 2,
        title: 'Rutin för uteslutning',
        deferred: false,
        decision: 'Rådet antar rutinen.',
        minute: null,
      },
      { number: 3, title: 'Nätverk', deferred: true, decision: null, minute: null },
    ],
    approvals:
      status === 'DRAFT'
        ? []
        : [
            {
              name: 'Erik Holm',
              role: 'CHAIR',
              approvedAt: approved ? '2026-11-21T10:00:00Z' : null,
              correctionRequestedAt: null,
              correctionNote: null,
            },
            {
              name: 'Maja Berg',
              role: 'ADJUSTER',
              approvedAt: approved ? '2026-11-22T09:00:00Z' : null,
              correctionRequestedAt: null,
              correctionNote: null,
            },
          ],
    ...overrides,
  };
}

const closedMeeting = (viewerCanChair: boolean) => () => ({
  id: MEETING_ID,
  title: 'Samverkansrådets möte',
  status: 'CLOSED',
  viewerCanChair,
});

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function setup(options: FakeApiOptions, locale: 'sv' | 'en' = 'sv') {
  const mounted = await mountInPage(MinutesPage, {
    locale,
    props: { id: MEETING_ID },
    global: { provide: { [DefaultApolloClient as symbol]: createFakeApollo(options) } },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted.wrapper;
}

const payload = (minutes: unknown) => (_args: unknown) => ({ minutes, errors: [] });

// Axe on a cold first mount takes seconds on a loaded machine.
describe('the minutes page', { timeout: 30_000 }, () => {
  test.each(['sv', 'en'] as const)(
    'published minutes: paragraphs, attendance, approval record and PDF, axe clean in %s',
    async (locale) => {
      const page = await setup(
        { resolvers: { minutes: () => sampleMinutes('PUBLISHED', []), meeting: closedMeeting(false) } },
        locale,
      );
      const text = page.text();
      for (const part of [
        '§ 2 Rutin för uteslutning',
        'Rådet antar rutinen.',
        'Erik Holm, Örebro Föreningsråd',
        'Johan Ek',
      ])
        expect(text).toContain(part);
      expect(page.get('a[type="application/pdf"]').attributes('href')).toBe(
        `/moten/${MEETING_ID}/protokoll.pdf`,
      );
      expect(page.findAll('.approvals li')).toHaveLength(2);
      expect(page.find('button').exists()).toBe(false);
      expect(page.get('#paragraph-2 span').attributes('lang')).toBe(locale === 'en' ? 'sv' : undefined);
      if (locale === 'en') {
        expect(page.find('.swedish-note').exists()).toBe(true);
        expect(text).toContain('Maja Berg arrived at');
        expect(text).toContain('Mötet öppnades.');
      } else {
        expect(text).toContain('Maja Berg kom');
        expect(text).toContain('Punkten bordlades.');
      }
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('minutes that are not published say so to others', async () => {
    const page = await setup({ resolvers: { minutes: () => null, meeting: closedMeeting(false) } });
    expect(page.text()).toContain('Protokollet är inte publicerat ännu.');
    expect(page.find('button').exists()).toBe(false);
  });

  test('the chair drafts minutes of a closed meeting', async () => {
    const draftMinutes = vi.fn(payload(sampleMinutes('DRAFT', ['EDIT', 'SEND_FOR_APPROVAL'])));
    const page = await setup({
      signedIn: true,
      resolvers: { minutes: () => null, meeting: closedMeeting(true), draftMinutes },
    });
    await page.get('button').trigger('click');
    await flushPromises();
    expect(draftMinutes.mock.calls[0]![0]).toEqual({ input: { meetingId: MEETING_ID } });
  });

  test('the drafter corrects the texts and sends them, keyboard-usable form, axe clean', async () => {
    const editMinutes = vi.fn(payload(sampleMinutes('DRAFT', ['EDIT', 'SEND_FOR_APPROVAL'])));
    const sendMinutesForApproval = vi.fn(payload(sampleMinutes('SENT_FOR_APPROVAL', [])));
    const page = await setup({
      signedIn: true,
      resolvers: {
        minutes: () => sampleMinutes('DRAFT', ['EDIT', 'SEND_FOR_APPROVAL']),
        meeting: closedMeeting(true),
        editMinutes,
        sendMinutesForApproval,
      },
    });
    expect(page.get('#minutes-decision-2').element).toBeInstanceOf(HTMLTextAreaElement);
    expect(await axeViolations(document.body)).toEqual([]);
    await page.get('#minutes-decision-2').setValue('Rådet antar rutinen med punkt 4.');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(editMinutes.mock.calls[0]![0]).toEqual({
      input: {
        meetingId: MEETING_ID,
        expectedVersion: 2,
        openingNote: 'Ordföranden hälsade välkommen.',
        closingNote: '',
        paragraphs: [
          { number: 1, decision: 'Mötet öppnades.', minute: '' },
          { number: 2, decision: 'Rådet antar rutinen med punkt 4.', minute: '' },
          { number: 3, decision: '', minute: '' },
        ],
      },
    });
    expect(page.get('[role="status"]').text()).toBe('Texterna är sparade.');
    await page.get('button.button-secondary').trigger('click');
    await flushPromises();
    expect(sendMinutesForApproval.mock.calls[0]![0]).toEqual({
      input: { meetingId: MEETING_ID, expectedVersion: 2 },
    });
  });

  test('a text over its limit is shown beside its field', async () => {
    const editMinutes = vi.fn(() => ({
      minutes: null,
      errors: [
        {
          field: ['input', 'paragraphs', '1', 'decision'],
          code: 'TOO_LONG',
          message: 'Högst 4000 tecken.',
          max: 4000,
        },
      ],
    }));
    const page = await setup({
      signedIn: true,
      resolvers: {
        minutes: () => sampleMinutes('DRAFT', ['EDIT', 'SEND_FOR_APPROVAL']),
        meeting: closedMeeting(true),
        editMinutes,
      },
    });
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(page.get('#minutes-decision-2-error').text()).toBe('Högst 4000 tecken.');
    expect(page.get('#minutes-decision-2').attributes('aria-invalid')).toBe('true');
  });

  test('an approver approves, or asks for a correction, which needs a note', async () => {
    const approveMinutes = vi.fn(payload(sampleMinutes('SENT_FOR_APPROVAL', [])));
    const requestMinutesCorrection = vi.fn(payload(sampleMinutes('DRAFT', [])));
    const page = await setup({
      signedIn: true,
      resolvers: {
        minutes: () => sampleMinutes('SENT_FOR_APPROVAL', ['APPROVE', 'REQUEST_CORRECTION']),
        meeting: closedMeeting(false),
        approveMinutes,
        requestMinutesCorrection,
      },
    });
    expect(await axeViolations(document.body)).toEqual([]);
    await page.get('.actions button').trigger('click');
    await flushPromises();
    expect(approveMinutes.mock.calls[0]![0]).toEqual({
      input: { meetingId: MEETING_ID, expectedVersion: 2 },
    });
    expect(page.get('[role="status"]').text()).toBe('Din justering är registrerad.');

    await page.get('form').trigger('submit');
    expect(page.get('#minutes-correction-error').text()).toBe('Skriv vad som behöver rättas.');
    expect(requestMinutesCorrection).not.toHaveBeenCalled();
    await page.get('#minutes-correction').setValue('I § 2 ska det stå punkt 4.');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(requestMinutesCorrection.mock.calls[0]![0]).toEqual({
      input: { meetingId: MEETING_ID, expectedVersion: 2, note: 'I § 2 ska det stå punkt 4.' },
    });
  });

  test('a failed load shows an error with a retry', async () => {
    const page = await setup({ failWith: 'INTERNAL_SERVER_ERROR' });
    expect(page.get('[role="alert"]').text()).toContain('Försök igen');
  });
});
