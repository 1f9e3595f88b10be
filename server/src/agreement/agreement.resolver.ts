import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { Agreement } from './agreement.entity.js';

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => Agreement, { nullable: true, description: 'The agreement in force.' })
  async agreement(@Ctx() { em }: GraphQLContext): Promise<Agreement | null> {
    const [latest] = await em.find(Agreement, {}, { orderBy: { validFromYear: 'desc' }, limit: 1 });
    return latest ?? null;
  }
}
