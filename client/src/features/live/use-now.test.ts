import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { defineComponent, h, type Ref } from 'vue';
import { mount } from '@vue/test-utils';
import { useNow } from './use-now';

describe('useNow', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-03T13:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  test('ticks every second while mounted and stops when unmounted', () => {
    let now!: Ref<Date>;
    const wrapper = mount(
      defineComponent({
        setup() {
          now = useNow(1000);
          return () => h('div');
        },
      }),
    );
    expect(now.value.toISOString()).toBe('2026-03-03T13:00:00.000Z');
    vi.advanceTimersByTime(3000);
    expect(now.value.toISOString()).toBe('2026-03-03T13:00:03.000Z');
    wrapper.unmount();
    vi.advanceTimersByTime(5000);
    expect(now.value.toISOString()).toBe('2026-03-03T13:00:03.000Z');
  });
});
