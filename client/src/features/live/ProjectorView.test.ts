import { afterEach, describe, expect, test } from 'vitest';
import ProjectorView from './ProjectorView.vue';
import { sampleLiveMeeting } from './sample-meeting';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';

const NOW = new Date('2026-03-03T13:30:00Z'); // item 2: 120 s + 600 s running = 12:00 of 10:00

describe('ProjectorView', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => {
    unmount?.();
    delete (document as { fullscreenEnabled?: boolean }).fullscreenEnabled;
  });

  async function mount(locale: 'sv' | 'en' = 'sv', meeting = sampleLiveMeeting()) {
    const { wrapper } = await mountInPage(ProjectorView, {
      locale,
      props: { meeting, now: NOW, connection: 'connected' },
    });
    unmount = () => wrapper.unmount();
    return wrapper;
  }

  test('shows the title, the current item, its time against the plan, the overrun, the end and the decision', async () => {
    const meeting = sampleLiveMeeting();
    meeting.agenda = meeting.agenda.map((item) =>
      item.status === 'CURRENT' ? { ...item, decision: 'Uppföljningen godkänns.' } : item,
    );
    const wrapper = await mount('sv', meeting);
    expect(wrapper.get('h1').text()).toBe('Samverkansrådet mars 2026');
    expect(wrapper.get('.live-current-title').text()).toBe('Uppföljning av aktivitetsplanen');
    expect(wrapper.get('[role="timer"]').text()).toBe('12:00');
    expect(wrapper.get('.live-clock-planned').text()).toBe('10:00');
    expect(wrapper.text()).toContain('Punkten drar över med 02:00');
    expect(wrapper.get('.live-schedule').text()).toContain('14:45');
    expect(wrapper.get('[data-region="decision"]').text()).toContain('Uppföljningen godkänns.');
    expect(wrapper.get('[data-region="speakers"]').text()).toContain('Ingen har begärt ordet.');
    expect(wrapper.get('.connection').text()).toContain('Ansluten');
  });

  test('the full-screen button is there only where the browser supports full screen', async () => {
    expect((await mount()).find('.fullscreen-button').exists()).toBe(false);
    unmount?.();
    (document as { fullscreenEnabled?: boolean }).fullscreenEnabled = true;
    const button = (await mount()).get('button.fullscreen-button');
    expect(button.text()).toBe('Helskärm');
    expect(button.attributes('type')).toBe('button');
  });

  test.each(['sv', 'en'] as const)('has no axe violations (%s)', async (locale) => {
    (document as { fullscreenEnabled?: boolean }).fullscreenEnabled = true;
    await mount(locale);
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
