import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { ActivityPlan } from './activity-plan.entity.js';
import { Activity } from './activity.entity.js';

@Resolver(() => ActivityPlan)
export class ActivityPlanResolver {
  @Query(() => ActivityPlan, { nullable: true, description: 'The current activity plan.' })
  async activityPlan(@Ctx() { em }: GraphQLContext): Promise<ActivityPlan | null> {
    const [latest] = await em.find(
      ActivityPlan,
      {},
      { orderBy: { startYear: 'desc' }, limit: 1, populate: ['activities'] },
    );
    return latest ?? null;
  }

  @FieldResolver(() => [Activity], { description: 'The activities, by number.' })
  async activities(@Root() plan: ActivityPlan): Promise<Activity[]> {
    return (await plan.activities.load({ dataloader: true })).getItems();
  }
}
