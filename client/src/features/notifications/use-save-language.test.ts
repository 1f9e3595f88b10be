import { describe, expect, test, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { ViewerDocument } from '../../gql/graphql';
import LanguageSwitch from '../../components/LanguageSwitch.vue';

async function switchLanguage(signedIn: boolean) {
  const setLanguage = vi.fn(({ input }: { input: { language: string } }) => ({
    viewer: { id: 'V1', language: input.language },
    errors: [],
  }));
  const client = createFakeApollo({ signedIn, resolvers: { setLanguage } as never });
  await client.query({ query: ViewerDocument });
  const { wrapper, i18n } = await mountInPage(LanguageSwitch, {
    global: { provide: { [DefaultApolloClient as symbol]: client } },
  });
  await wrapper.get('button').trigger('click');
  await vi.waitUntil(() => i18n.global.locale.value === 'en');
  await flushPromises();
  wrapper.unmount();
  return setLanguage;
}

describe('the language switch', () => {
  test('stores a signed-in person’s choice, so their mails come in it', async () => {
    const setLanguage = await switchLanguage(true);
    expect(setLanguage.mock.calls.map((call) => call[0])).toEqual([{ input: { language: 'EN' } }]);
  });

  test('signed out, the choice stays in the browser', async () => {
    expect(await switchLanguage(false)).not.toHaveBeenCalled();
  });
});
