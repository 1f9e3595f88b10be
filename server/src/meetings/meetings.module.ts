import type { FeatureModule } from '../feature-module.js';
import { Meeting } from './meeting.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { MeetingAdjuster } from './meeting-adjuster.entity.js';
import { AgendaItemResolver, MeetingsResolver } from './meetings.resolver.js';
import { meetingChangedField } from './meeting-live.js';
import { MEETING_MUTATION_RULES } from './meeting.policy.js';

/** Meetings, their agenda and the chair's actions, live. */
export const meetingsModule: FeatureModule = {
  name: 'meetings',
  entities: [Meeting, AgendaItem, MeetingAdjuster],
  resolvers: [MeetingsResolver, AgendaItemResolver],
  liveFields: [meetingChangedField],
  policies: [{ policy: 'meeting', rules: MEETING_MUTATION_RULES }],
};
