import type { FeatureModule } from '../feature-module.js';
import { MeetingNotice } from '../meetings/meeting-notice.entity.js';
import { meetingNoticeMailKind } from '../meetings/meeting-notice.js';
import { NoticeAnswer } from './notice-answer.entity.js';
import { NoticeResolver } from './notice.resolver.js';
import { NOTICE_MUTATION_RULES } from './notice.policy.js';

/** The notice (kallelse) of a meeting: its mails with the .ics invitation, and members' answers. */
export const noticeModule: FeatureModule = {
  name: 'notice',
  entities: [MeetingNotice, NoticeAnswer],
  resolvers: [NoticeResolver],
  policies: [{ policy: 'notice', rules: NOTICE_MUTATION_RULES }],
  sideEffects: [meetingNoticeMailKind],
};
