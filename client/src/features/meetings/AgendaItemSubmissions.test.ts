import { afterEach, expect, test } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import AgendaItemSubmissions from './AgendaItemSubmissions.vue';
import LiveView from '../live/LiveView.vue';
import ProjectorView from '../live/ProjectorView.vue';
import { sampleLiveMeeting } from '../live/sample-meeting';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

test.each([
  ['sv', 'Anmält ärende SR 14/2026'],
  ['en', 'Submitted matter SR 14/2026'],
] as const)('an agenda item links the matters it takes up, in %s', async (locale, text) => {
  const mounted = await mountInPage(AgendaItemSubmissions, {
    locale,
    props: { submissions: [{ id: 'S1', registrationNumber: 'SR 14/2026' }] },
  });
  wrapper = mounted.wrapper;
  expect(wrapper.get('a[href="/arenden/S1"]').text()).toBe(text);
  expect(await axeViolations(document.body)).toEqual([]);
});

test('an item without matters shows nothing', async () => {
  const mounted = await mountInPage(AgendaItemSubmissions, { props: { submissions: [] } });
  wrapper = mounted.wrapper;
  expect(wrapper.find('ul').exists()).toBe(false);
});

function liveWithMatter() {
  const meeting = sampleLiveMeeting();
  meeting.agenda = meeting.agenda.map((item) =>
    item.status === 'CURRENT'
      ? { ...item, submissions: [{ id: 'S1', registrationNumber: 'SR 14/2026' }] }
      : item,
  );
  return meeting;
}

test.each(['sv', 'en'] as const)(
  'the live view links the current item’s matter and the projector names it, axe clean, in %s',
  async (locale) => {
    const text = locale === 'sv' ? 'Anmält ärende SR 14/2026' : 'Submitted matter SR 14/2026';
    const props = {
      meeting: liveWithMatter(),
      now: new Date('2026-03-03T13:30:00Z'),
      connection: 'connected',
    };
    const live = await mountInPage(LiveView, { locale, props: props as never });
    wrapper = live.wrapper;
    expect(wrapper.get('.live-current a[href="/arenden/S1"]').text()).toBe(text);
    expect(await axeViolations(document.body)).toEqual([]);
    wrapper.unmount();
    const projector = await mountInPage(ProjectorView, { locale, props: props as never });
    wrapper = projector.wrapper;
    expect(wrapper.get('.projector-meta').text()).toContain(text);
  },
);
