import { afterEach, describe, expect, test } from 'vitest';
import SpeakersPanel from './SpeakersPanel.vue';
import { sampleLiveMeeting } from '../live/sample-meeting';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';

const NOW = new Date('2026-03-03T13:30:00Z'); // Leila Haddad has spoken 90 s of 120
const speakers = () => sampleLiveMeeting().speakers;

describe('SpeakersPanel', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());

  test('shows who speaks, for how long against the limit, who is next and who follows', async () => {
    const { wrapper } = await mountInPage(SpeakersPanel, { props: { speakers: speakers(), now: NOW } });
    unmount = () => wrapper.unmount();
    expect(wrapper.get('.speakers-name').text()).toBe('Leila Haddad, Vivalla Kvinnoförening');
    expect(wrapper.get('.speakers-time').text()).toBe('01:30 av 02:00');
    expect(wrapper.get('.speakers-next').text()).toBe('Nästa: Johan Ek');
    expect(wrapper.get('.speakers-queue').text()).toBe('Amina Yusuf');
    expect(wrapper.classes()).toContain('speakers-phone');
  });

  test('says when the speaker runs over, and announces a new speaker politely', async () => {
    const { wrapper } = await mountInPage(SpeakersPanel, {
      props: { speakers: speakers(), now: new Date(NOW.getTime() + 45_000), variant: 'projector' },
    });
    unmount = () => wrapper.unmount();
    expect(wrapper.classes()).toContain('speakers-projector');
    expect(wrapper.get('.speakers-time').text()).toContain('över tiden med 00:15');
    expect(wrapper.get('.speakers-time').classes()).toContain('live-over');
    const region = wrapper.get('[aria-live="polite"]');
    const [johan, ...rest] = speakers().queue;
    await wrapper.setProps({
      speakers: {
        ...speakers(),
        speaking: { ...johan!, status: 'SPEAKING', startedAt: NOW.toISOString() },
        queue: rest,
      },
    });
    expect(region.text()).toBe('Johan Ek har ordet');
    // The clock ticking changes nothing announced.
    await wrapper.setProps({ now: new Date(NOW.getTime() + 60_000) });
    expect(region.text()).toBe('Johan Ek har ordet');
  });

  test('an empty list, in English, without a limit', async () => {
    const { wrapper } = await mountInPage(SpeakersPanel, {
      locale: 'en',
      props: { speakers: { timeLimitSeconds: null, speaking: null, queue: [] }, now: NOW },
    });
    unmount = () => wrapper.unmount();
    expect(wrapper.get('h2').text()).toBe('Speakers');
    expect(wrapper.text()).toContain('Nobody has the floor right now.');
    expect(wrapper.text()).toContain('Nobody has asked for the floor.');
    expect(wrapper.find('.speakers-next').exists()).toBe(false);
  });

  test('without a heading, for a region that has its own', async () => {
    const { wrapper } = await mountInPage(SpeakersPanel, {
      props: { speakers: speakers(), now: NOW, withHeading: false },
    });
    unmount = () => wrapper.unmount();
    expect(wrapper.find('h2').exists()).toBe(false);
    expect(wrapper.element.tagName).toBe('DIV');
    expect(wrapper.get('.speakers-next').text()).toBe('Nästa: Johan Ek');
  });

  test.each(['phone', 'projector'] as const)('has no axe violations as %s', async (variant) => {
    const { wrapper } = await mountInPage(SpeakersPanel, {
      props: { speakers: speakers(), now: NOW, variant },
    });
    unmount = () => wrapper.unmount();
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
