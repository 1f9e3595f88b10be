import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo, sampleMeeting } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import MeetingNoticePanel from './MeetingNoticePanel.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const IN_A_WEEK = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();

function noticeMeeting(extra: Record<string, unknown>) {
  return {
    ...sampleMeeting(),
    status: 'AGENDA_PUBLISHED',
    startsAt: IN_A_WEEK,
    viewerInvited: true,
    viewerNoticeAnswer: null,
    noticeAnswers: null,
    ...extra,
  };
}

async function setup(
  meeting: Record<string, unknown>,
  resolvers: Record<string, (args: never) => unknown> = {},
  locale: 'sv' | 'en' = 'sv',
) {
  const mounted = await mountInPage(MeetingNoticePanel, {
    locale,
    props: { meetingId: meeting.id as string },
    global: {
      provide: {
        [DefaultApolloClient as symbol]: createFakeApollo({
          signedIn: true,
          resolvers: { meeting: () => meeting, ...resolvers },
        }),
      },
    },
  });
  wrapper = mounted.wrapper;
  for (let i = 0; i < 3; i++) await flushPromises();
  return mounted.wrapper;
}

describe('answering the notice', () => {
  test.each(['sv', 'en'] as const)(
    'a member who has not answered gets the two answers, axe clean in %s',
    async (locale) => {
      const page = await setup(noticeMeeting({}), {}, locale);
      const buttons = page.findAll('fieldset button');
      expect(buttons.map((button) => button.text())).toEqual(
        locale === 'sv' ? ['Jag kommer', 'Jag kommer inte'] : ['I will come', 'I will not come'],
      );
      expect(buttons.map((button) => button.attributes('aria-pressed'))).toEqual(['false', 'false']);
      expect(page.get('a[download]').attributes('href')).toBe(`/kalender/moten/${sampleMeeting().id}.ics`);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('answering sends the choice and the comment, then says it is saved', async () => {
    const answerNotice = vi.fn((_args: unknown) => ({
      answer: { choice: 'COMING', comment: 'Kommer 18.30', answeredAt: new Date().toISOString() },
      errors: [],
    }));
    const page = await setup(noticeMeeting({}), { answerNotice });
    await page.get('#notice-comment').setValue('Kommer 18.30');
    await page.findAll('fieldset button')[0]!.trigger('click');
    await flushPromises();
    expect(answerNotice.mock.calls[0]![0]).toEqual({
      input: { meetingId: sampleMeeting().id, choice: 'COMING', comment: 'Kommer 18.30' },
    });
    expect(page.get('[role="status"]').text()).toBe('Ditt svar är sparat.');
  });

  test("the server's field error is shown beside the comment", async () => {
    const answerNotice = vi.fn(() => ({
      answer: null,
      errors: [{ field: ['input', 'comment'], message: 'Högst 500 tecken.', code: 'TOO_LONG', max: 500 }],
    }));
    const page = await setup(noticeMeeting({}), { answerNotice });
    await page.findAll('fieldset button')[1]!.trigger('click');
    await flushPromises();
    expect(page.get('#notice-comment').attributes('aria-invalid')).toBe('true');
    expect(page.get('#notice-comment-error').text()).toBe('Högst 500 tecken.');
  });

  test('her answer is shown as pressed; once the meeting has started it cannot be changed', async () => {
    const answered = { choice: 'NOT_COMING', comment: null, answeredAt: '2026-03-01T10:00:00Z' };
    const open = await setup(noticeMeeting({ viewerNoticeAnswer: answered }));
    expect(open.text()).toContain('Du har svarat att du inte kommer.');
    expect(open.findAll('fieldset button')[1]!.attributes('aria-pressed')).toBe('true');
    open.unmount();
    const started = await setup(noticeMeeting({ viewerNoticeAnswer: answered, status: 'IN_PROGRESS' }));
    expect(started.find('fieldset').exists()).toBe(false);
    expect(started.text()).toContain('Svaret kan inte ändras efter att mötet har börjat.');
  });
});

test.each(['sv', 'en'] as const)(
  'the chair sees who answered what and who has not, axe clean in %s',
  async (locale) => {
    const page = await setup(
      noticeMeeting({
        viewerInvited: false,
        noticeAnswers: {
          comingCount: 1,
          notComingCount: 1,
          notAnsweredCount: 1,
          entries: [
            {
              name: 'Anna Ek',
              choice: 'COMING',
              comment: 'Kommer 18.30',
              answeredAt: '2026-03-01T10:00:00Z',
            },
            { name: 'Bo Ahl', choice: 'NOT_COMING', comment: null, answeredAt: '2026-03-01T11:00:00Z' },
            { name: 'Cia Berg', choice: null, comment: null, answeredAt: null },
          ],
        },
      }),
      {},
      locale,
    );
    const rows = page.findAll('tbody tr').map((row) => row.findAll('th, td').map((cell) => cell.text()));
    expect(rows).toEqual(
      locale === 'sv'
        ? [
            ['Anna Ek', 'Kommer', 'Kommer 18.30'],
            ['Bo Ahl', 'Kommer inte', ''],
            ['Cia Berg', 'Har inte svarat', ''],
          ]
        : [
            ['Anna Ek', 'Coming', 'Kommer 18.30'],
            ['Bo Ahl', 'Not coming', ''],
            ['Cia Berg', 'Not answered', ''],
          ],
    );
    expect(page.find('fieldset').exists()).toBe(false);
    expect(await axeViolations(document.body)).toEqual([]);
  },
);
