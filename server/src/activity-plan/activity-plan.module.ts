import type { FeatureModule } from '../feature-module.js';
import { ActivityPlan } from './activity-plan.entity.js';
import { Activity } from './activity.entity.js';
import { ActivityPlanResolver } from './activity-plan.resolver.js';

/** The activity plan and its activities. */
export const activityPlanModule: FeatureModule = {
  name: 'activity-plan',
  entities: [ActivityPlan, Activity],
  resolvers: [ActivityPlanResolver],
};
