import { Migration } from '@mikro-orm/migrations';

/** The minutes of a meeting: their paragraphs and the approval record. */
export class Migration20261202064500_minutes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "minutes_status" as enum ('DRAFT', 'SENT_FOR_APPROVAL', 'APPROVED', 'PUBLISHED');`);
    this.addSql(`create type "approver_role" as enum ('CHAIR', 'ADJUSTER');`);
    this.addSql(`create table "minutes" ("id" uuid not null, "meeting_id" uuid not null, "status" "minutes_status" not null default 'DRAFT', "version" int not null default 1, "opening_note" text null, "closing_note" text null, "attendance" jsonb not null, "drafted_at" timestamptz not null, "sent_at" timestamptz null, "approved_at" timestamptz null, "published_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "minutes" add constraint "minutes_meeting_id_unique" unique ("meeting_id");`);
    this.addSql(`alter table "minutes" add constraint "minutes_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`create table "minutes_paragraph" ("id" uuid not null, "minutes_id" uuid not null, "number" int not null, "title" varchar(300) not null, "deferred" boolean not null, "decision" text null, "minute" text null, primary key ("id"));`);
    this.addSql(`alter table "minutes_paragraph" add constraint "minutes_paragraph_minutes_id_number_unique" unique ("minutes_id", "number");`);
    this.addSql(`alter table "minutes_paragraph" add constraint "minutes_paragraph_minutes_id_foreign" foreign key ("minutes_id") references "minutes" ("id") on update cascade on delete cascade;`);
    this.addSql(`create table "minutes_approval" ("id" uuid not null, "minutes_id" uuid not null, "person_id" uuid null, "name" varchar(200) not null, "role" "approver_role" not null, "position" int not null, "approved_at" timestamptz null, "correction_requested_at" timestamptz null, "correction_note" text null, primary key ("id"));`);
    this.addSql(`alter table "minutes_approval" add constraint "minutes_approval_minutes_id_person_id_unique" unique ("minutes_id", "person_id");`);
    this.addSql(`create index "minutes_approval_person_id_index" on "minutes_approval" ("person_id");`);
    this.addSql(`alter table "minutes_approval" add constraint "minutes_approval_minutes_id_foreign" foreign key ("minutes_id") references "minutes" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "minutes_approval" add constraint "minutes_approval_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "minutes_approval";`);
    this.addSql(`drop table if exists "minutes_paragraph";`);
    this.addSql(`drop table if exists "minutes";`);
    this.addSql(`drop type if exists "approver_role";`);
    this.addSql(`drop type if exists "minutes_status";`);
  }

}
