import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Input, Payload, flag, text } from '../graphql/generated-types.js';
import { JSONResolver } from 'graphql-scalars';
import type { GraphQLContext } from '../graphql/context.js';
import { payloadOf } from '../graphql/payload.js';
import { accountsOptions } from './accounts.resolver.js';
import { clearedSessionCookie } from './session-cookie.js';
import { deleteMyAccount, exportPersonalData, type PersonalDataExport } from './gdpr.service.js';

const DeleteMyAccountInput = Input(
  'DeleteMyAccountInput',
  'Confirmation that the account is to be deleted.',
  {
    password: text('The current password, asked again.'),
  },
);
type DeleteMyAccountInput = InstanceType<typeof DeleteMyAccountInput>;

const DeleteMyAccountPayload = Payload(
  'DeleteMyAccountPayload',
  'Result of deleting the signed-in account.',
  {
    deleted: flag('True when the account and its personal data were deleted.'),
  },
  'Why the account was not deleted, e.g. a wrong password.',
);
type DeleteMyAccountPayload = InstanceType<typeof DeleteMyAccountPayload>;

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
