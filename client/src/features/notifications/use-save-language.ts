import { useApolloClient } from '@vue/apollo-composable';
import { SetLanguageDocument, ViewerDocument } from '../../gql/graphql';
import type { Locale } from '../../i18n';

/**
 * Stores a signed-in person's language choice on the server, so their mails and notifications come in it.
 * Signed out (or outside an Apollo app) there is no one to store it for: the choice stays in the browser.
 */
export function useSaveLanguage() {
  const { resolveClient } = useApolloClient();
  return async function saveLanguage(locale: Locale): Promise<void> {
    let client;
    try {
      client = resolveClient();
    } catch {
      return;
    }
    if (!client.readQuery({ query: ViewerDocument })?.viewer) return;
    try {
      await client.mutate({
        mutation: SetLanguageDocument,
        variables: { input: { language: locale === 'en' ? 'EN' : 'SV' } },
      });
    } catch {
      // The page has switched already; mails keep the earlier language until the next switch succeeds.
    }
  };
}
