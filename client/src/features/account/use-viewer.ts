import { computed, ref } from 'vue';
import { useApolloClient, useQuery } from '@vue/apollo-composable';
import { SignOutDocument, ViewerDocument } from '../../gql/graphql';
import { topLevelErrorKey } from '../../lib/errors';

/** The signed-in person (null when signed out) and sign-out. */
export function useViewer() {
  const { result, loading } = useQuery(ViewerDocument, null, { fetchPolicy: 'cache-first' });
  const { resolveClient } = useApolloClient();
  const viewer = computed(() => result.value?.viewer ?? null);
  const signOutError = ref<string | null>(null);

  async function signOut(): Promise<boolean> {
    signOutError.value = null;
    const client = resolveClient();
    try {
      await client.mutate({ mutation: SignOutDocument });
      // Everything the viewer could see (viewerCanChair, private data) must be fetched again.
      await client.resetStore();
      return true;
    } catch (error) {
      signOutError.value = topLevelErrorKey(error);
      return false;
    }
  }

  return { viewer, loading, signOut, signOutError };
}
