import { Migration } from '@mikro-orm/migrations';

export class Migration20261123075606_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "meeting_status" as enum ('DRAFT', 'AGENDA_PUBLISHED', 'IN_PROGRESS', 'CLOSED');`);
    this.addSql(`create type "agenda_item_kind" as enum ('FORMALITY', 'INFORMATION', 'DISCUSSION', 'DECISION');`);
    this.addSql(`create type "agenda_item_status" as enum ('PENDING', 'CURRENT', 'DONE', 'DEFERRED');`);
    this.addSql(`create type "seat_kind" as enum ('CIVIL_SOCIETY', 'POLITICIAN', 'COORDINATOR');`);
    this.addSql(`create table "activity_plan" ("id" uuid not null, "title" varchar(200) not null, "start_year" int not null, "end_year" int not null, constraint "activity_plan_pkey" primary key ("id"));`);

    this.addSql(`create table "activity" ("id" uuid not null, "plan_id" uuid not null, "number" int not null, "title" text not null, "responsible" varchar(200) not null, "carried_out_by" text null, "comment" text null, constraint "activity_pkey" primary key ("id"));`);
    this.addSql(`alter table "activity" add constraint "activity_plan_id_number_unique" unique ("plan_id", "number");`);

    this.addSql(`create table "agreement" ("id" uuid not null, "title" text not null, "registration_number" varchar(40) not null, "adopted_on" date not null, "endorsed_by_council_on" date null, "valid_from_year" int not null, "valid_to_year" int not null, "summary" text not null, "values" text not null, "principles" jsonb not null, "commitments" jsonb not null, constraint "agreement_pkey" primary key ("id"));`);
    this.addSql(`alter table "agreement" add constraint "agreement_registration_number_unique" unique ("registration_number");`);

    this.addSql(`create table "forum" ("id" uuid not null, "slug" varchar(80) not null, "name" varchar(200) not null, "description" text null, "with_political_participation" boolean not null, "convener" varchar(200) null, "responsible_politician" varchar(200) null, "position" int not null, constraint "forum_pkey" primary key ("id"));`);
    this.addSql(`alter table "forum" add constraint "forum_slug_unique" unique ("slug");`);

    this.addSql(`create table "live_event" ("sequence" bigserial primary key, "topic" varchar(120) not null, "kind" varchar(60) not null, "subject_id" uuid null, "occurred_at" timestamptz not null default now());`);
    this.addSql(`create index "live_event_topic_sequence_index" on "live_event" ("topic", "sequence");`);

    this.addSql(`create table "person" ("id" uuid not null, "name" varchar(200) not null, "email" varchar(254) not null, "password_hash" text not null, "is_coordinator" boolean not null default false, "created_at" timestamptz not null, constraint "person_pkey" primary key ("id"));`);
    this.addSql(`alter table "person" add constraint "person_email_unique" unique ("email");`);

    this.addSql(`create table "meeting" ("id" uuid not null, "forum_id" uuid not null, "title" varchar(200) not null, "starts_at" timestamptz not null, "location" varchar(200) null, "status" "meeting_status" not null default 'DRAFT', "version" int not null default 1, "started_at" timestamptz null, "closed_at" timestamptz null, "timer_paused" boolean not null default false, "summary" text null, "chair_id" uuid null, constraint "meeting_pkey" primary key ("id"));`);
    this.addSql(`create index "meeting_starts_at_index" on "meeting" ("starts_at");`);
    this.addSql(`create index "meeting_forum_id_starts_at_index" on "meeting" ("forum_id", "starts_at");`);

    this.addSql(`create table "agenda_item" ("id" uuid not null, "meeting_id" uuid not null, "position" int not null, "title" varchar(300) not null, "kind" "agenda_item_kind" not null, "presenter" varchar(200) null, "planned_minutes" int not null, "status" "agenda_item_status" not null default 'PENDING', "activity_id" uuid null, "decision" text null, "minute" text null, "elapsed_seconds" int not null default 0, "timer_started_at" timestamptz null, constraint "agenda_item_pkey" primary key ("id"));`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_meeting_id_position_unique" unique ("meeting_id", "position");`);

    this.addSql(`create table "council_seat" ("id" uuid not null, "forum_id" uuid not null, "kind" "seat_kind" not null, "holder_name" varchar(200) not null, "organisation" varchar(200) null, "person_id" uuid null, "position" int not null, constraint "council_seat_pkey" primary key ("id"));`);
    this.addSql(`create index "council_seat_forum_id_index" on "council_seat" ("forum_id");`);

    this.addSql(`create table "session" ("id" uuid not null, "token_hash" varchar(64) not null, "person_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_person_id_index" on "session" ("person_id");`);

    this.addSql(`alter table "activity" add constraint "activity_plan_id_foreign" foreign key ("plan_id") references "activity_plan" ("id") on update cascade;`);

    this.addSql(`alter table "meeting" add constraint "meeting_forum_id_foreign" foreign key ("forum_id") references "forum" ("id") on update cascade;`);
    this.addSql(`alter table "meeting" add constraint "meeting_chair_id_foreign" foreign key ("chair_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "agenda_item" add constraint "agenda_item_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agenda_item" add constraint "agenda_item_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "council_seat" add constraint "council_seat_forum_id_foreign" foreign key ("forum_id") references "forum" ("id") on update cascade;`);
    this.addSql(`alter table "council_seat" add constraint "council_seat_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "session" add constraint "session_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "activity" drop constraint "activity_plan_id_foreign";`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_activity_id_foreign";`);

    this.addSql(`alter table "meeting" drop constraint "meeting_forum_id_foreign";`);

    this.addSql(`alter table "council_seat" drop constraint "council_seat_forum_id_foreign";`);

    this.addSql(`alter table "meeting" drop constraint "meeting_chair_id_foreign";`);

    this.addSql(`alter table "council_seat" drop constraint "council_seat_person_id_foreign";`);

    this.addSql(`alter table "session" drop constraint "session_person_id_foreign";`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_meeting_id_foreign";`);

    this.addSql(`drop table if exists "activity_plan" cascade;`);

    this.addSql(`drop table if exists "activity" cascade;`);

    this.addSql(`drop table if exists "agreement" cascade;`);

    this.addSql(`drop table if exists "forum" cascade;`);

    this.addSql(`drop table if exists "live_event" cascade;`);

    this.addSql(`drop table if exists "person" cascade;`);

    this.addSql(`drop table if exists "meeting" cascade;`);

    this.addSql(`drop table if exists "agenda_item" cascade;`);

    this.addSql(`drop table if exists "council_seat" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop type "meeting_status";`);
    this.addSql(`drop type "agenda_item_kind";`);
    this.addSql(`drop type "agenda_item_status";`);
    this.addSql(`drop type "seat_kind";`);
  }

}
