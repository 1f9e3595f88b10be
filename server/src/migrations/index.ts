import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123075606_initial } from './Migration20261123075606_initial.js';
import { Migration20261123084129_parties_and_accession } from './Migration20261123084129_parties_and_accession.js';
import { Migration20261202033000_live_event_retention } from './Migration20261202033000_live_event_retention.js';
import { Migration20261202061617_meeting_planning } from './Migration20261202061617_meeting_planning.js';
import { Migration20261202062204_documents } from './Migration20261202062204_documents.js';
import { Migration20261202063000_attendance_and_speakers } from './Migration20261202063000_attendance_and_speakers.js';
import { Migration20261202064500_notice_answers_calendar } from './Migration20261202064500_notice_answers_calendar.js';
import { Migration20261202064500_minutes } from './Migration20261202064500_minutes.js';
import { Migration20261202064000_forum_conveners_and_standard_agendas } from './Migration20261202064000_forum_conveners_and_standard_agendas.js';
import { Migration20261202123000_notification_digests } from './Migration20261202123000_notification_digests.js';
import { Migration20261202110000_submissions_and_notifications } from './Migration20261202110000_submissions_and_notifications.js';
import { Migration20261202125500_submission_queues } from './Migration20261202125500_submission_queues.js';
import { Migration20261202124000_submission_register } from './Migration20261202124000_submission_register.js';
import { Migration20261202140000_invitations } from './Migration20261202140000_invitations.js';
import { Migration20261202141000_invitation_register } from './Migration20261202141000_invitation_register.js';

/** Every migration, in order; listed explicitly so the same list works from TypeScript and from dist/. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123075606_initial', class: Migration20261123075606_initial },
  {
    name: 'Migration20261123084129_parties_and_accession',
    class: Migration20261123084129_parties_and_accession,
  },
  { name: 'Migration20261202033000_live_event_retention', class: Migration20261202033000_live_event_retention },
  { name: 'Migration20261202061617_meeting_planning', class: Migration20261202061617_meeting_planning },
  { name: 'Migration20261202062204_documents', class: Migration20261202062204_documents },
  {
    name: 'Migration20261202063000_attendance_and_speakers',
    class: Migration20261202063000_attendance_and_speakers,
  },
  {
    name: 'Migration20261202064500_notice_answers_calendar',
    class: Migration20261202064500_notice_answers_calendar,
  },
  { name: 'Migration20261202064500_minutes', class: Migration20261202064500_minutes },
  {
    name: 'Migration20261202064000_forum_conveners_and_standard_agendas',
    class: Migration20261202064000_forum_conveners_and_standard_agendas,
  },
  {
    name: 'Migration20261202110000_submissions_and_notifications',
    class: Migration20261202110000_submissions_and_notifications,
  },
  {
    name: 'Migration20261202123000_notification_digests',
    class: Migration20261202123000_notification_digests,
  },
  {
    name: 'Migration20261202124000_submission_register',
    class: Migration20261202124000_submission_register,
  },
  { name: 'Migration20261202125500_submission_queues', class: Migration20261202125500_submission_queues },
  { name: 'Migration20261202140000_invitations', class: Migration20261202140000_invitations },
  {
    name: 'Migration20261202141000_invitation_register',
    class: Migration20261202141000_invitation_register,
  },
];
