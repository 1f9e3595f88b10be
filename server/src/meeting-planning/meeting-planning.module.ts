import type { FeatureModule } from '../feature-module.js';
import { MEETING_PLANNING_MUTATION_RULES } from '../meetings/meeting.policy.js';
import { ForumConvener } from './forum-convener.entity.js';
import { StandardAgendaItem } from './standard-agenda-item.entity.js';
import { ForumPlanningResolver, MeetingPlanningResolver } from './meeting-planning.resolver.js';

/** Preparing meetings: creating, editing and cancelling them, their agendas, standard agendas and conveners. */
export const meetingPlanningModule: FeatureModule = {
  name: 'meeting-planning',
  entities: [ForumConvener, StandardAgendaItem],
  resolvers: [MeetingPlanningResolver, ForumPlanningResolver],
  policies: [{ policy: 'meeting-planning', rules: MEETING_PLANNING_MUTATION_RULES }],
};
