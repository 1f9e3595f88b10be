import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { GraphQLContext } from '../graphql/context.js';
import { UserError } from '../graphql/user-error.js';
import { payloadOf } from '../graphql/payload.js';
import { accountsOptions } from './accounts.resolver.js';
import { clearedSessionCookie } from './session-cookie.js';
import { deleteMyAccount, exportPersonalData, type PersonalDataExport } from './gdpr.service.js';

@InputType({ description: 'Confirmation that the account is to be deleted.' })
class DeleteMyAccountInput {
  @Field(() => String, { description: 'The current password, asked again.' })
  password!: string;
}

@ObjectType({ description: 'Result of deleting the signed-in account.' })
class DeleteMyAccountPayload {
  @Field(() => Boolean, { description: 'True when the account and its personal data were deleted.' })
  deleted!: boolean;

  @Field(() => [UserError], { description: 'Why the account was not deleted, e.g. a wrong password.' })
  errors!: UserError[];
}

@Resolver()
export class GdprResolver {
  @Query(() => JSONResolver, {
    description:
      "The signed-in person's data as JSON (GDPR, right of access): the account and every record that refers to them.",
  })
  myData(@Ctx() { em, viewer }: GraphQLContext): Promise<PersonalDataExport> {
    return exportPersonalData(em, viewer);
  }

  @Mutation(() => DeleteMyAccountPayload, {
    description:
      'Deletes the signed-in account and its personal data after checking the password; ends every session ' +
      "and closes its live connections. What the person's party submitted stays, without their name.",
  })
  async deleteMyAccount(
    @Arg('input', () => DeleteMyAccountInput) input: DeleteMyAccountInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DeleteMyAccountPayload> {
    return payloadOf({ deleted: false as boolean }, async () => {
      await deleteMyAccount(ctx.em, ctx.viewer, input);
      ctx.res?.append('Set-Cookie', clearedSessionCookie(accountsOptions.cookieSecure));
      return { deleted: true };
    });
  }
}
