import { Migration } from '@mikro-orm/migrations';

export class Migration20261202063000_attendance_and_speakers extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "attendance_state" as enum ('ABSENT', 'PRESENT', 'LEFT');`);
    this.addSql(`create type "attendance_change" as enum ('PRESENT_AT_START', 'NOT_PRESENT_AT_START', 'ARRIVED', 'LEFT');`);
    this.addSql(`create type "speaker_status" as enum ('WAITING', 'SPEAKING', 'DONE', 'WITHDRAWN');`);
    this.addSql(`alter table "meeting" add column "speakers_version" int not null default 0, add column "speaking_time_limit_seconds" int null;`);

    this.addSql(`create table "meeting_attendee" ("id" uuid not null, "meeting_id" uuid not null, "person_id" uuid null, "name" varchar(200) not null, "organisation" varchar(200) null, "state" "attendance_state" not null default 'ABSENT', "present_at_start" boolean not null default false, constraint "meeting_attendee_pkey" primary key ("id"));`);
    this.addSql(`alter table "meeting_attendee" add constraint "meeting_attendee_meeting_id_person_id_unique" unique ("meeting_id", "person_id");`);
    this.addSql(`create index "meeting_attendee_person_id_index" on "meeting_attendee" ("person_id");`);
    this.addSql(`alter table "meeting_attendee" add constraint "meeting_attendee_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "meeting_attendee" add constraint "meeting_attendee_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`create table "attendance_record" ("id" uuid not null, "attendee_id" uuid not null, "change" "attendance_change" not null, "recorded_at" timestamptz not null, "agenda_item_id" uuid null, constraint "attendance_record_pkey" primary key ("id"));`);
    this.addSql(`create index "attendance_record_attendee_id_recorded_at_index" on "attendance_record" ("attendee_id", "recorded_at");`);
    this.addSql(`create index "attendance_record_agenda_item_id_index" on "attendance_record" ("agenda_item_id");`);
    this.addSql(`alter table "attendance_record" add constraint "attendance_record_attendee_id_foreign" foreign key ("attendee_id") references "meeting_attendee" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attendance_record" add constraint "attendance_record_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on update cascade on delete set null;`);

    this.addSql(`create table "speaker" ("id" uuid not null, "meeting_id" uuid not null, "agenda_item_id" uuid not null, "attendee_id" uuid not null, "number" int not null, "status" "speaker_status" not null default 'WAITING', "requested_at" timestamptz not null, "started_at" timestamptz null, "ended_at" timestamptz null, constraint "speaker_pkey" primary key ("id"));`);
    this.addSql(`alter table "speaker" add constraint "speaker_meeting_id_number_unique" unique ("meeting_id", "number");`);
    this.addSql(`create index "speaker_agenda_item_id_index" on "speaker" ("agenda_item_id");`);
    this.addSql(`create index "speaker_attendee_id_index" on "speaker" ("attendee_id");`);
    // The database itself holds the list's two invariants, whatever a bug in the service would do.
    this.addSql(`create unique index "speaker_one_speaking_per_meeting" on "speaker" ("meeting_id") where "status" = 'SPEAKING';`);
    this.addSql(`create unique index "speaker_one_open_request_per_item" on "speaker" ("agenda_item_id", "attendee_id") where "status" in ('WAITING', 'SPEAKING');`);
    this.addSql(`alter table "speaker" add constraint "speaker_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "speaker" add constraint "speaker_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "speaker" add constraint "speaker_attendee_id_foreign" foreign key ("attendee_id") references "meeting_attendee" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "speaker" cascade;`);
    this.addSql(`drop table if exists "attendance_record" cascade;`);
    this.addSql(`drop table if exists "meeting_attendee" cascade;`);
    this.addSql(`alter table "meeting" drop column "speakers_version", drop column "speaking_time_limit_seconds";`);
    this.addSql(`drop type "speaker_status";`);
    this.addSql(`drop type "attendance_change";`);
    this.addSql(`drop type "attendance_state";`);
  }

}
