import type { FeatureModule } from '../feature-module.js';
import { Meeting } from './meeting.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { MeetingAdjuster } from './meeting-adjuster.entity.js';
import { AgendaItemResolver, MeetingsResolver } from './meetings.resolver.js';
import { meetingChangedField } from './meeting-live.js';
import { MEETING_MUTATION_RULES } from './meeting.policy.js';
import { Attendee, AttendanceRecord } from './attendee.entity.js';
import { Speaker } from './speaker.entity.js';
import { FloorResolver } from './floor.resolver.js';

/** Meetings, their agenda, the chair's actions, attendance and the speakers' list, live. */
export const meetingsModule: FeatureModule = {
  name: 'meetings',
  entities: [Meeting, AgendaItem, MeetingAdjuster, Attendee, AttendanceRecord, Speaker],
  resolvers: [MeetingsResolver, AgendaItemResolver, FloorResolver],
  liveFields: [meetingChangedField],
  policies: [{ policy: 'meeting', rules: MEETING_MUTATION_RULES }],
};
