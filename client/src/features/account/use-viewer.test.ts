import { describe, expect, test, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../tests/fake-api';
import { useViewer } from './use-viewer';

function setup(client: ReturnType<typeof createFakeApollo>) {
  let viewer!: ReturnType<typeof useViewer>;
  mount(
    defineComponent({
      setup() {
        viewer = useViewer();
        return () => h('div');
      },
    }),
    { global: { provide: { [DefaultApolloClient as symbol]: client } } },
  );
  return viewer;
}

describe('useViewer', () => {
  test.each([
    ['signed in', true, 'Anna Samordnare'],
    ['signed out', false, null],
  ])('%s', async (_name, signedIn, name) => {
    const viewer = setup(createFakeApollo({ signedIn }));
    await flushPromises();
    expect(viewer.viewer.value?.name ?? null).toBe(name);
  });

  test('signing out clears the cache so nothing private stays on screen', async () => {
    const client = createFakeApollo({ signedIn: true });
    const mutate = vi
      .spyOn(client, 'mutate')
      .mockResolvedValue({ data: { signOut: { signedOut: true, errors: [] } } });
    const resetStore = vi.spyOn(client, 'resetStore').mockResolvedValue([]);
    const viewer = setup(client);
    await flushPromises();
    expect(await viewer.signOut()).toBe(true);
    expect(mutate).toHaveBeenCalledOnce();
    expect(resetStore).toHaveBeenCalledOnce();
    expect(viewer.signOutError.value).toBeNull();
  });

  test('a failed sign-out is reported by code', async () => {
    const client = createFakeApollo({ signedIn: true });
    vi.spyOn(client, 'mutate').mockRejectedValue(new Error('offline'));
    const viewer = setup(client);
    await flushPromises();
    expect(await viewer.signOut()).toBe(false);
    expect(viewer.signOutError.value).toBe('errors.GENERIC');
  });
});
