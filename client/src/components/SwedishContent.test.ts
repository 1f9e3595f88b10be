import { afterEach, describe, expect, test } from 'vitest';
import { nextTick } from 'vue';
import type { VueWrapper } from '@vue/test-utils';
import { mountInPage } from '../../tests/mount';
import { axeViolations } from '../../tests/axe';
import SwedishContent from './SwedishContent.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function mountWith(
  props: Record<string, unknown>,
  locale: 'sv' | 'en',
  slot: string | null = 'Alla behöver hjälpas åt.',
) {
  const mounted = await mountInPage(SwedishContent, {
    locale,
    props,
    attrs: { class: 'prose' },
    slots: slot === null ? {} : { default: slot },
  });
  wrapper = mounted.wrapper;
  return mounted;
}

describe('Swedish-only content', () => {
  test('in English it carries lang="sv" and a visible note before it, axe clean', async () => {
    await mountWith({}, 'en');
    const main = document.getElementById('main')!;
    const note = main.querySelector('.swedish-note')!;
    const content = main.querySelector('div.prose')!;
    expect(note.textContent).toBe('In Swedish');
    expect(note.nextElementSibling).toBe(content);
    expect(content.getAttribute('lang')).toBe('sv');
    expect(content.textContent).toBe('Alla behöver hjälpas åt.');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('in Swedish it is plain content: no note, no lang of its own', async () => {
    await mountWith({}, 'sv');
    const main = document.getElementById('main')!;
    expect(main.querySelector('.swedish-note')).toBeNull();
    expect(main.querySelector('div.prose')!.hasAttribute('lang')).toBe(false);
  });

  test('follows a change of language', async () => {
    const { i18n } = await mountWith({}, 'sv');
    i18n.global.locale.value = 'en';
    await nextTick();
    const main = document.getElementById('main')!;
    expect(main.querySelector('div.prose')!.getAttribute('lang')).toBe('sv');
    expect(main.querySelector('.swedish-note')!.textContent).toBe('In Swedish');
  });

  test('inline, in the element asked for, without a note', async () => {
    await mountWith({ as: 'span', note: false }, 'en');
    const main = document.getElementById('main')!;
    expect(main.querySelector('.swedish-note')).toBeNull();
    expect(main.querySelector('span.prose')!.getAttribute('lang')).toBe('sv');
  });

  test('without content it is the note alone, for a list whose items carry the language', async () => {
    await mountWith({}, 'en', null);
    const main = document.getElementById('main')!;
    expect(main.querySelector('.swedish-note')!.textContent).toBe('In Swedish');
    expect(main.querySelector('.prose')).toBeNull();
  });
});
