import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, type FakeApiOptions } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import SubmissionScheduling from './SubmissionScheduling.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const MATTER = 'U3VibWlzc2lvbjox';

function meeting(id: string, title: string, startsAt: string, status: string) {
  return {
    id,
    title,
    startsAt,
    status,
    agenda: [
      { id: `${id}-1`, position: 1, title: 'Mötets öppnande', status: 'PENDING' },
      { id: `${id}-2`, position: 2, title: 'Anmälda frågor', status: 'PENDING' },
    ],
  };
}

const councilMeetings = () => ({
  id: 'F1',
  meetings: {
    totalCount: 3,
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    edges: [
      meeting('M3', 'Samverkansrådet maj', '2026-05-05T13:00:00Z', 'DRAFT'),
      meeting('M2', 'Samverkansrådet april', '2026-04-07T13:00:00Z', 'AGENDA_PUBLISHED'),
      meeting('M1', 'Samverkansrådet mars', '2026-03-03T13:00:00Z', 'CLOSED'),
    ].map((node, i) => ({ cursor: String(i), node })),
  },
});

function scheduledMatter(status: string, actions: string[]) {
  return {
    id: MATTER,
    version: 3,
    status,
    registrationNumber: 'SR 14/2026',
    viewerActions: actions,
    scheduledMeeting:
      status === 'SCHEDULED'
        ? { id: 'M2', title: 'Samverkansrådet april', startsAt: '2026-04-07T13:00:00Z' }
        : null,
    scheduledAgendaItem:
      status === 'SCHEDULED' ? { id: 'M2-3', position: 3, title: 'SR 14/2026: Lokalbidrag' } : null,
  };
}

async function setup(
  submission: { status: string; viewerActions: string[] },
  resolvers: FakeApiOptions['resolvers'] = {},
  locale: 'sv' | 'en' = 'sv',
) {
  const mounted = await mountInPage(SubmissionScheduling, {
    locale,
    props: {
      submission: { id: MATTER, version: 3, registrationNumber: 'SR 14/2026', ...submission } as never,
    },
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn: true,
          resolvers: {
            forum: councilMeetings,
            submission: () => scheduledMatter(submission.status, submission.viewerActions),
            ...resolvers,
          },
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted.wrapper;
}

describe('scheduling a matter from its page', () => {
  test('renders nothing when the viewer may neither schedule nor unschedule', async () => {
    const page = await setup({ status: 'REGISTERED', viewerActions: ['COSIGN'] });
    expect(page.find('section').exists()).toBe(false);
  });

  test.each([
    ['sv', 'Planera till sammanträdet', 'Välj ett sammanträde.'],
    ['en', 'Schedule for the meeting', 'Choose a meeting.'],
  ] as const)(
    'offers the upcoming council meetings only, axe clean, in %s',
    async (locale, button, required) => {
      const page = await setup({ status: 'REGISTERED', viewerActions: ['SCHEDULE', 'DECLINE'] }, {}, locale);
      const options = page.findAll('#schedule-meeting option').map((option) => option.text());
      expect(options).toHaveLength(3);
      expect(options[1]).toContain('Samverkansrådet april');
      expect(options[2]).toContain('Samverkansrådet maj');
      expect(page.get('button[type="submit"]').text()).toBe(button);
      expect(await axeViolations(document.body)).toEqual([]);
      await page.get('form').trigger('submit');
      await flushPromises();
      expect(page.get('#schedule-meeting').attributes('aria-invalid')).toBe('true');
      expect(page.get('#schedule-meeting-error').text()).toBe(required);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('sends the meeting and the chosen item with the version seen, and tells the page', async () => {
    const scheduleSubmission = vi.fn(() => ({
      submission: scheduledMatter('SCHEDULED', ['UNSCHEDULE']),
      errors: [],
    }));
    const page = await setup({ status: 'REGISTERED', viewerActions: ['SCHEDULE'] }, { scheduleSubmission });
    await page.get('#schedule-meeting').setValue('M2');
    await flushPromises();
    expect(page.findAll('#schedule-item option').map((o) => o.text())).toEqual([
      'Ny punkt sist på dagordningen',
      '1. Mötets öppnande',
      '2. Anmälda frågor',
    ]);
    await page.get('#schedule-item').setValue('M2-2');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect((scheduleSubmission.mock.calls[0] as unknown[])[0]).toEqual({
      input: { submissionId: MATTER, expectedVersion: 3, meetingId: 'M2', agendaItemId: 'M2-2' },
    });
    expect(page.emitted('changed')).toHaveLength(1);
    expect(page.get('[role="status"]').text()).toBe('Ärendet är planerat till Samverkansrådet april.');
  });

  test("the server's refusal goes beside the meeting field", async () => {
    const scheduleSubmission = vi.fn(() => ({
      submission: null,
      errors: [
        {
          field: ['input', 'meetingId'],
          code: 'INVALID_TRANSITION',
          message: 'Sammanträdet har redan börjat, hållits eller ställts in; välj ett kommande sammanträde.',
          max: null,
        },
      ],
    }));
    const page = await setup({ status: 'REGISTERED', viewerActions: ['SCHEDULE'] }, { scheduleSubmission });
    await page.get('#schedule-meeting').setValue('M3');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(page.get('#schedule-meeting-error').text()).toContain('har redan börjat');
    expect(page.emitted('changed')).toBeUndefined();
  });

  test.each(['sv', 'en'] as const)(
    'a scheduled matter shows its meeting and is taken off after confirmation, in %s',
    async (locale) => {
      const unscheduleSubmission = vi.fn(() => ({
        submission: scheduledMatter('REGISTERED', ['SCHEDULE']),
        errors: [],
      }));
      const page = await setup(
        { status: 'SCHEDULED', viewerActions: ['UNSCHEDULE'] },
        { unscheduleSubmission },
        locale,
      );
      expect(page.get('a[href="/moten/M2"]').text()).toBe('Samverkansrådet april');
      expect(page.text()).toContain('SR 14/2026: Lokalbidrag');
      expect(await axeViolations(document.body)).toEqual([]);
      await page.get('button.unschedule').trigger('click');
      await flushPromises();
      expect(document.activeElement?.classList.contains('confirm-unschedule')).toBe(true);
      expect(await axeViolations(document.body)).toEqual([]);
      await page.get('button.confirm-unschedule').trigger('click');
      await flushPromises();
      expect((unscheduleSubmission.mock.calls[0] as unknown[])[0]).toEqual({
        input: { submissionId: MATTER, expectedVersion: 3 },
      });
      expect(page.emitted('changed')).toHaveLength(1);
    },
  );
});
