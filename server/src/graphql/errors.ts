import { GraphQLError } from 'graphql';

/** The viewer must sign in first. */
export function unauthenticated(): GraphQLError {
  return new GraphQLError('Du behöver logga in. / You need to sign in.', {
    extensions: { code: 'UNAUTHENTICATED' },
  });
}

/** The viewer is signed in but may not do this. */
export function forbidden(): GraphQLError {
  return new GraphQLError('Du har inte behörighet. / You are not allowed to do this.', {
    extensions: { code: 'FORBIDDEN' },
  });
}

export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}
