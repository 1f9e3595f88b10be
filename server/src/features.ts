import type { FeatureModule } from './feature-module.js';
import { accountsModule } from './accounts/accounts.module.js';
import { agreementModule } from './agreement/agreement.module.js';
import { forumsModule } from './forums/forums.module.js';
import { activityPlanModule } from './activity-plan/activity-plan.module.js';
import { meetingsModule } from './meetings/meetings.module.js';
import { partiesModule } from './parties/parties.module.js';
import { accessionModule } from './accession/accession.module.js';
import { councilModule } from './council/council.module.js';
import { documentsModule } from './documents/documents.module.js';
import { noticeModule } from './notice/notice.module.js';
import { minutesModule } from './minutes/minutes.module.js';
import { meetingPlanningModule } from './meeting-planning/meeting-planning.module.js';
import { submissionsModule } from './submissions/submissions.module.js';
import { notificationsModule } from './notifications/notifications.module.js';
import { invitationsModule } from './invitations/invitations.module.js';

/** Every feature of the server, one line each; adding a feature adds its folder and a line here. */
export const features: FeatureModule[] = [
  accountsModule,
  agreementModule,
  forumsModule,
  activityPlanModule,
  meetingsModule,
  partiesModule,
  accessionModule,
  councilModule,
  documentsModule,
  noticeModule,
  minutesModule,
  meetingPlanningModule,
  submissionsModule,
  notificationsModule,
  invitationsModule,
];
