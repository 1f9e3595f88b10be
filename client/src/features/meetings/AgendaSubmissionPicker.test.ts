import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, sampleMeeting, type FakeApiOptions } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import AgendaSubmissionPicker from './AgendaSubmissionPicker.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const matters = () => [
  {
    id: 'S1',
    version: 2,
    status: 'REGISTERED',
    registrationNumber: 'SR 14/2026',
    title: 'Lokalbidraget kommer för sent',
    kind: 'OBSTACLE',
  },
  {
    id: 'S2',
    version: 1,
    status: 'REFERRED',
    registrationNumber: 'SR 15/2026',
    title: null,
    kind: 'QUESTION',
  },
];

/** The meeting as the payload carries it: the sample with the new item last. */
function plannedMeeting() {
  const meeting = sampleMeeting();
  const added = {
    ...meeting.agenda[3]!,
    id: 'AI5',
    position: 5,
    title: 'SR 14/2026: Lokalbidraget kommer för sent',
    kind: 'DECISION',
    status: 'PENDING',
  };
  return {
    ...meeting,
    status: 'DRAFT',
    endsAt: '2026-03-03T15:00:00Z',
    accessibility: null,
    digitalLink: null,
    cancelledAt: null,
    cancellationReason: null,
    viewerCanManage: true,
    chair: { id: 'P1', name: 'Helena' },
    adjusters: [],
    agenda: [...meeting.agenda, added],
  };
}

async function setup(resolvers: FakeApiOptions['resolvers'] = {}, locale: 'sv' | 'en' = 'sv') {
  const mounted = await mountInPage(AgendaSubmissionPicker, {
    locale,
    props: { meetingId: 'TWVldGluZzox' },
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn: true,
          resolvers: { schedulableSubmissions: matters, ...resolvers },
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted.wrapper;
}

describe("the agenda builder's picker of submitted matters", () => {
  test.each([
    ['sv', 'Lägg till anmält ärende', 'Lägg till på dagordningen: SR 14/2026', 'Ärende som inte publiceras'],
    ['en', 'Add a submitted matter', 'Add to the agenda: SR 14/2026', 'Matter handled without publication'],
  ] as const)(
    'lists the registered and referred matters, axe clean, in %s',
    async (locale, heading, label, hidden) => {
      const page = await setup({}, locale);
      expect(page.get('h2').text()).toBe(heading);
      expect(page.findAll('li')).toHaveLength(2);
      expect(page.find(`button[aria-label="${label}"]`).exists()).toBe(true);
      expect(page.text()).toContain(hidden);
      expect(page.get('a[href="/arenden/S1"]').text()).toBe('SR 14/2026');
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('adds a matter as a new item of the meeting, tells the page which, and announces it', async () => {
    const scheduleSubmission = vi.fn(() => ({
      meeting: plannedMeeting(),
      submission: { id: 'S1', version: 3, status: 'SCHEDULED', scheduledAgendaItem: { id: 'AI5' } },
      errors: [],
    }));
    const page = await setup({ scheduleSubmission });
    await page.get('button[aria-label="Lägg till på dagordningen: SR 14/2026"]').trigger('click');
    await flushPromises();
    expect((scheduleSubmission.mock.calls[0] as unknown[])[0]).toEqual({
      input: { submissionId: 'S1', expectedVersion: 2, meetingId: 'TWVldGluZzox' },
    });
    const [meeting, itemId] = page.emitted('scheduled')![0] as [{ agenda: unknown[] }, string];
    expect(itemId).toBe('AI5');
    expect(meeting.agenda).toHaveLength(5);
    expect(page.get('[role="status"]').text()).toBe('SR 14/2026 är tillagt som punkt 5.');
  });

  test('a refusal is shown above the list', async () => {
    const scheduleSubmission = vi.fn(() => ({
      meeting: null,
      submission: null,
      errors: [
        {
          field: ['input', 'submissionId'],
          code: 'INVALID_TRANSITION',
          message: 'Bara registrerade eller remitterade ärenden kan planeras till ett sammanträde.',
          max: null,
        },
      ],
    }));
    const page = await setup({ scheduleSubmission });
    await page.get('button[aria-label="Lägg till på dagordningen: SR 14/2026"]').trigger('click');
    await flushPromises();
    expect(page.get('[role="alert"]').text()).toContain('Bara registrerade');
    expect(page.emitted('scheduled')).toBeUndefined();
  });
});
