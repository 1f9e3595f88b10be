import { nextTick } from 'vue';
import { afterEach, describe, expect, test } from 'vitest';
import LiveView from './LiveView.vue';
import { sampleLiveMeeting } from './sample-meeting';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';

const NOW = new Date('2026-03-03T13:30:00Z'); // item 2: 120 s + 600 s running = 12:00 of 10:00

describe('LiveView (phones)', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());

  test('shows the current item, its timing and announces it politely', async () => {
    const { wrapper } = await mountInPage(LiveView, {
      props: { meeting: sampleLiveMeeting(), now: NOW, connection: 'connected' },
    });
    unmount = () => wrapper.unmount();

    expect(wrapper.get('h1').text()).toBe('Samverkansrådet mars 2026');
    expect(wrapper.get('.live-current-title').text()).toBe('Uppföljning av aktivitetsplanen');
    expect(wrapper.get('.live-current-meta').text()).toContain('Diskussion');
    expect(wrapper.get('.live-current-meta').text()).toContain('Föredragande: Samordnaren');
    expect(wrapper.get('[role="timer"]').text()).toBe('12:00');
    expect(wrapper.get('.live-clock-planned').text()).toBe('10:00');
    expect(wrapper.text()).toContain('Punkten drar över med 02:00');
    // Projected end: now + 0 left of item 2 + 15 min of item 3 = 13:45 UTC = 14:45 in Stockholm.
    expect(wrapper.get('.live-schedule').text()).toContain('14:45');
    expect(wrapper.get('.connection').text()).toContain('Ansluten');
    expect(wrapper.get('.live-upcoming-list').text()).toContain('Beslut om arbetsgrupp');

    const region = wrapper.get('[aria-live="polite"]');
    expect(region.text()).toBe('Aktuell punkt: Uppföljning av aktivitetsplanen');

    await wrapper.setProps({
      meeting: sampleLiveMeeting({
        version: 8,
        currentItem: { id: 'item-3' },
        agenda: sampleLiveMeeting().agenda.map((item) =>
          item.id === 'item-2'
            ? { ...item, status: 'DONE', timerStartedAt: null, elapsedSeconds: 720 }
            : item.id === 'item-3'
              ? { ...item, status: 'CURRENT', timerStartedAt: '2026-03-03T13:30:00Z' }
              : item,
        ),
      }),
    });
    expect(region.text()).toBe('Aktuell punkt: Beslut om arbetsgrupp för Föreningarnas hus');
  });

  test('the clock ticking does not change the announcement', async () => {
    const { wrapper } = await mountInPage(LiveView, {
      props: { meeting: sampleLiveMeeting(), now: NOW, connection: 'reconnecting' },
    });
    unmount = () => wrapper.unmount();
    const before = wrapper.get('[aria-live="polite"]').text();
    await wrapper.setProps({ now: new Date(NOW.getTime() + 1000) });
    expect(wrapper.get('[role="timer"]').text()).toBe('12:01');
    expect(wrapper.get('[aria-live="polite"]').text()).toBe(before);
    expect(wrapper.get('.connection').text()).toContain('Återansluter…');
  });

  test('the announcement follows a change of language, the Swedish title marked as Swedish', async () => {
    const { wrapper, i18n } = await mountInPage(LiveView, {
      props: { meeting: sampleLiveMeeting(), now: NOW, connection: 'connected', projector: true },
    });
    unmount = () => wrapper.unmount();
    i18n.global.locale.value = 'en';
    await nextTick();
    const region = wrapper.get('[aria-live="polite"]');
    expect(region.text()).toBe('Current item: Uppföljning av aktivitetsplanen');
    expect(region.get('[lang="sv"]').text()).toBe('Uppföljning av aktivitetsplanen');
  });

  test('is in English when the locale is English', async () => {
    const { wrapper } = await mountInPage(LiveView, {
      locale: 'en',
      props: { meeting: sampleLiveMeeting(), now: NOW, connection: 'disconnected' },
    });
    unmount = () => wrapper.unmount();
    expect(wrapper.get('[aria-live="polite"]').text()).toBe('Current item: Uppföljning av aktivitetsplanen');
    expect(wrapper.get('.connection').text()).toContain('Disconnected');
  });

  test('puts the current item, its decision and the speakers first; done items show their decisions', async () => {
    const meeting = sampleLiveMeeting();
    meeting.agenda = meeting.agenda.map((item) =>
      item.id === 'item-1'
        ? { ...item, decision: 'Mötet öppnades.' }
        : item.id === 'item-2'
          ? { ...item, decision: 'Uppföljningen godkänns.' }
          : item,
    );
    const { wrapper } = await mountInPage(LiveView, {
      props: { meeting, now: NOW, connection: 'connected' },
    });
    unmount = () => wrapper.unmount();
    const regions = wrapper
      .findAll('.live-current, [data-region], .live-timing, .live-upcoming')
      .map((region) => region.attributes('data-region') ?? region.classes()[0]);
    expect(regions).toEqual(['live-current', 'decision', 'speakers', 'live-timing', 'live-upcoming', 'done']);
    expect(wrapper.get('[data-region="decision"]').text()).toContain('Uppföljningen godkänns.');
    expect(wrapper.get('[data-region="speakers"]').text()).toContain('Ingen har begärt ordet.');
    expect(wrapper.get('[data-region="done"]').text()).toContain('Mötet öppnades.');
  });

  test('has no axe violations', async () => {
    const { wrapper } = await mountInPage(LiveView, {
      props: { meeting: sampleLiveMeeting(), now: NOW, connection: 'connected' },
    });
    unmount = () => wrapper.unmount();
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
