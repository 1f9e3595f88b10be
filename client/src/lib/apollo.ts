import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client/core';

/** Apollo client for queries and mutations over HTTP; the session is an HTTP-only cookie. */
export function createApolloClient(): ApolloClient<unknown> {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache({
      typePolicies: {
        // Principles and commitments have no id; keep them with their agreement.
        Principle: { keyFields: false },
        Commitment: { keyFields: false },
        CouncilSeat: { keyFields: false },
      },
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'none' },
    },
  });
}
