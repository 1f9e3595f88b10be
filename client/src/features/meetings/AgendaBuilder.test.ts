import { afterEach, describe, expect, test } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import AgendaBuilder, { type BuilderItem } from './AgendaBuilder.vue';
import { dropTarget, fromLocalInput, stepTarget, toLocalInput } from './agenda-order';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const TITLES = ['Mötets öppnande', 'Val av justerare', 'Budget', 'Övriga frågor', 'Mötets avslutande'];

/** The builder on a page that keeps the agenda as the server would: positions 1..n after every move. */
async function setup(locale: 'sv' | 'en' = 'sv') {
  const items = ref<BuilderItem[]>(
    TITLES.map((title, i) => ({
      id: `I${i + 1}`,
      position: i + 1,
      title,
      kind: 'FORMALITY',
      plannedMinutes: 5,
    })),
  );
  const moves: [string, number][] = [];
  const Page = defineComponent(
    () => () =>
      h(
        AgendaBuilder,
        {
          idPrefix: 'agenda',
          items: items.value,
          busy: false,
          errors: {},
          actions: {
            add: async () => true,
            update: async () => true,
            remove: async (id: string) => {
              items.value = items.value
                .filter((item) => item.id !== id)
                .map((item, i) => ({ ...item, position: i + 1 }));
              return true;
            },
            move: async (id: string, position: number) => {
              moves.push([id, position]);
              const order = [...items.value].sort((a, b) => a.position - b.position);
              const from = order.findIndex((item) => item.id === id);
              const [moved] = order.splice(from, 1);
              order.splice(position - 1, 0, moved!);
              items.value = order.map((item, i) => ({ ...item, position: i + 1 }));
              return true;
            },
          },
        },
        { heading: () => 'Dagordning' },
      ),
  );
  const mounted = await mountInPage(Page, { locale });
  wrapper = mounted.wrapper;
  await flushPromises();
  return { page: mounted.wrapper, items, moves };
}

const titles = (page: VueWrapper) => page.findAll('.builder-text strong').map((s) => s.text());
const status = (page: VueWrapper) => page.find('[role="status"]').text();

describe('the agenda builder by keyboard', () => {
  test('moving down keeps focus on the moved item and announces its place', async () => {
    const { page, moves } = await setup();
    const down = page.find<HTMLButtonElement>('[data-item="I3"] .move-down');
    down.element.focus();
    await down.trigger('click');
    await flushPromises();
    expect(moves).toEqual([['I3', 4]]);
    expect(titles(page)[3]).toBe('4. Budget');
    expect(document.activeElement).toBe(page.find('[data-item="I3"] .move-down').element);
    expect(status(page)).toBe('Budget flyttad. Punkt 4 av 5.');
  });

  test('at the top, focus moves to the other button of the same item', async () => {
    const { page } = await setup();
    await page.find('[data-item="I2"] .move-up').trigger('click');
    await flushPromises();
    expect(titles(page)[0]).toBe('1. Val av justerare');
    expect(page.find<HTMLButtonElement>('[data-item="I2"] .move-up').element.disabled).toBe(true);
    expect(document.activeElement).toBe(page.find('[data-item="I2"] .move-down').element);
    expect(status(page)).toBe('Val av justerare flyttad. Punkt 1 av 5.');
  });

  test('removing asks first, then announces it', async () => {
    const { page, items } = await setup();
    await page.find('[data-item="I4"] .remove').trigger('click');
    await flushPromises();
    expect(items.value).toHaveLength(5);
    const confirm = page.find('[data-item="I4"] .confirm-remove');
    expect(document.activeElement).toBe(confirm.element);
    await confirm.trigger('click');
    await flushPromises();
    expect(items.value.map((i) => i.title)).not.toContain('Övriga frågor');
    expect(status(page)).toBe('Punkten ”Övriga frågor” är borttagen.');
  });

  test('dropping an item on another moves it to that place', async () => {
    const { page, moves } = await setup();
    await page.find('[data-item="I5"]').trigger('dragstart');
    await page.find('[data-item="I2"]').trigger('drop');
    await flushPromises();
    expect(moves).toEqual([['I5', 2]]);
    expect(titles(page)[1]).toBe('2. Mötets avslutande');
  });

  test.each(['sv', 'en'] as const)('is axe clean in %s, with an open item form', async (locale) => {
    const { page } = await setup(locale);
    await page.find('[data-item="I1"] .edit').trigger('click');
    await flushPromises();
    expect(page.find('#agenda-I1-title').exists()).toBe(true);
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe('agenda order helpers', () => {
  test('a step never leaves 1..n', () => {
    expect(stepTarget(1, 5, -1)).toBeNull();
    expect(stepTarget(5, 5, 1)).toBeNull();
    expect(stepTarget(3, 5, 1)).toBe(4);
    expect(dropTarget(2, 2)).toBeNull();
  });
  test('local date inputs round-trip', () => {
    const iso = '2027-03-03T16:00:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(fromLocalInput('')).toBeNull();
  });
});
