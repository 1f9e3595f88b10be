import { Migration } from '@mikro-orm/migrations';

/** The notices sent for a meeting (their .ics SEQUENCE), members' answers, and the calendar's indexes. */
export class Migration20261202064500_notice_answers_calendar extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "meeting_notice_reason" as enum ('PUBLISHED', 'CHANGED', 'CANCELLED');`);
    this.addSql(`create table "meeting_notice" ("id" uuid not null, "meeting_id" uuid not null, "sequence" int not null, "reason" "meeting_notice_reason" not null, "recipients" int not null, "sent_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "meeting_notice" add constraint "meeting_notice_meeting_id_sequence_unique" unique ("meeting_id", "sequence");`);
    this.addSql(`alter table "meeting_notice" add constraint "meeting_notice_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`create type "notice_answer_choice" as enum ('COMING', 'NOT_COMING');`);
    this.addSql(`create table "notice_answer" ("id" uuid not null, "meeting_id" uuid not null, "person_id" uuid not null, "choice" "notice_answer_choice" not null, "comment" text null, "answered_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "notice_answer" add constraint "notice_answer_meeting_id_person_id_unique" unique ("meeting_id", "person_id");`);
    this.addSql(`create index "notice_answer_person_id_index" on "notice_answer" ("person_id");`);
    this.addSql(`alter table "notice_answer" add constraint "notice_answer_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notice_answer" add constraint "notice_answer_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "meeting_ends_at_index" on "meeting" ("ends_at");`);
    this.addSql(`create index "meeting_forum_id_ends_at_index" on "meeting" ("forum_id", "ends_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "meeting_forum_id_ends_at_index";`);
    this.addSql(`drop index "meeting_ends_at_index";`);
    this.addSql(`drop table if exists "notice_answer";`);
    this.addSql(`drop type "notice_answer_choice";`);
    this.addSql(`drop table if exists "meeting_notice";`);
    this.addSql(`drop type "meeting_notice_reason";`);
  }

}
