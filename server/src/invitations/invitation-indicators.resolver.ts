import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { invitationIndicators } from './invitation-indicators.queries.js';
import { InvitationIndicator } from './invitation-indicators.types.js';

/** The public indicators of early dialogue. */
@Resolver()
export class InvitationIndicatorsResolver {
  @Query(() => [InvitationIndicator], {
    description:
      'Per year of publication (newest first) and per side (both, also a side that published none): how many ' +
      'invitations, how early they came, how many were answered, how consultation responses were answered in ' +
      'compilations, and how often feedback came within 30 days. Public.',
  })
  async invitationIndicators(
    @Ctx() { em }: GraphQLContext,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year; every year when left out.' })
    year: number | null,
  ): Promise<InvitationIndicator[]> {
    const rows = await invitationIndicators(em, year ?? null);
    return rows.map((row) => Object.assign(new InvitationIndicator(), row));
  }
}
