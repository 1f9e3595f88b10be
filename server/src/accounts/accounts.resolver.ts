import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { UserError, UserErrors } from '../graphql/user-error.js';
import { ViewerType } from './viewer.type.js';
import { endSession, signIn } from './session.service.js';
import { clearedSessionCookie, sessionCookie } from './session-cookie.js';
import { unauthenticated } from '../graphql/errors.js';

@InputType({ description: 'E-mail and password.' })
class SignInInput {
  @Field(() => String, { description: 'E-mail address.' })
  email!: string;

  @Field(() => String, { description: 'Password.' })
  password!: string;
}

@ObjectType({ description: 'Result of signing in.' })
class SignInPayload {
  @Field(() => ViewerType, { nullable: true, description: 'The signed-in person, when it worked.' })
  viewer!: ViewerType | null;

  @Field(() => [UserError], { description: 'Why signing in failed.' })
  errors!: UserError[];
}

@ObjectType({ description: 'Result of signing out.' })
class SignOutPayload {
  @Field(() => Boolean, { description: 'True when the session was ended.' })
  signedOut!: boolean;

  @Field(() => [UserError], { description: 'Always empty; present for a uniform payload.' })
  errors!: UserError[];
}

/** Options the resolver needs from configuration. */
export const accountsOptions = { cookieSecure: false };

@Resolver()
export class AccountsResolver {
  @Query(() => ViewerType, { nullable: true, description: 'The signed-in person; null when signed out.' })
  viewer(@Ctx() { viewer }: GraphQLContext): ViewerType | null {
    return viewer
      ? { id: viewer.id, name: viewer.name, email: viewer.email, isCoordinator: viewer.isCoordinator }
      : null;
  }

  @Mutation(() => SignInPayload, {
    description: 'Signs in with e-mail and password; sets an HTTP-only session cookie.',
  })
  async signIn(
    @Arg('input', () => SignInInput) input: SignInInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SignInPayload> {
    try {
      const { token, person } = await signIn(ctx.em, input, ctx.viewer?.sessionId ?? null);
      ctx.res?.append('Set-Cookie', sessionCookie(token, accountsOptions.cookieSecure));
      return {
        viewer: {
          id: person.id,
          name: person.name,
          email: person.email,
          isCoordinator: person.isCoordinator,
        },
        errors: [],
      };
    } catch (error) {
      if (error instanceof UserErrors) return { viewer: null, errors: error.errors };
      throw error;
    }
  }

  @Mutation(() => SignOutPayload, { description: 'Ends this session and closes its live connections.' })
  async signOut(@Ctx() ctx: GraphQLContext): Promise<SignOutPayload> {
    const { viewer } = ctx;
    if (!viewer) throw unauthenticated();
    await ctx.em.transactional((tx) => endSession(tx, viewer.sessionId));
    ctx.res?.append('Set-Cookie', clearedSessionCookie(accountsOptions.cookieSecure));
    return { signedOut: true, errors: [] };
  }
}
