import { Migration } from '@mikro-orm/migrations';

/** Submissions to Samverkansrådet, their timeline, conversation and followers; notifications; a person's language. */
export class Migration20261202110000_submissions_and_notifications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "language" as enum ('sv', 'en');`);
    this.addSql(`alter table "person" add column "language" "language" not null default 'sv';`);

    this.addSql(`create type "submission_kind" as enum ('QUESTION', 'OBSTACLE', 'PROPOSAL');`);
    this.addSql(`create type "submission_status" as enum ('DRAFT', 'SUBMITTED', 'RETURNED', 'REGISTERED', 'REFERRED', 'SCHEDULED', 'ANSWERED', 'CLOSED', 'WITHDRAWN', 'DECLINED');`);
    this.addSql(`create type "submission_publication" as enum ('PUBLIC', 'RESTRICTION_REQUESTED', 'RESTRICTED');`);
    this.addSql(`create type "submission_action" as enum ('EDIT', 'SUBMIT', 'WITHDRAW', 'RETURN_FOR_COMPLETION', 'REGISTER', 'DECLINE', 'REFER', 'ANSWER_IN_WRITING', 'SCHEDULE', 'UNSCHEDULE', 'RECORD_MEETING_ANSWER', 'CLOSE', 'COSIGN', 'DECIDE_PUBLICATION');`);
    this.addSql(`create type "submission_message_visibility" as enum ('CONVERSATION', 'INTERNAL_NOTE');`);

    this.addSql(`create table "submission" ("id" uuid not null, "party_id" uuid not null, "kind" "submission_kind" not null, "title" varchar(200) not null, "description" text not null, "principles" text[] not null default '{}', "commitments" int[] not null default '{}', "activity_id" uuid null, "status" "submission_status" not null default 'DRAFT', "publication" "submission_publication" not null default 'PUBLIC', "created_by_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "submitted_at" timestamptz null, "registration_number" varchar(60) null, "registration_series" varchar(20) null, "registration_year" int null, "registration_sequence" int null, "registered_at" timestamptz null, "referred_to_id" uuid null, "answer_due_on" date null, "agenda_item_id" uuid null, "answer" text null, "answered_at" timestamptz null, "closed_at" timestamptz null, "status_reason" text null, "version" int not null default 1, constraint "submission_pkey" primary key ("id"));`);
    this.addSql(`alter table "submission" add constraint "submission_registration_series_registration_year_registration_sequence_unique" unique ("registration_series", "registration_year", "registration_sequence");`);
    this.addSql(`create index "submission_party_id_status_index" on "submission" ("party_id", "status");`);
    this.addSql(`create index "submission_status_index" on "submission" ("status");`);
    this.addSql(`create index "submission_agenda_item_id_index" on "submission" ("agenda_item_id");`);
    this.addSql(`alter table "submission" add constraint "submission_party_id_foreign" foreign key ("party_id") references "party" ("id") on delete cascade;`);
    this.addSql(`alter table "submission" add constraint "submission_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on delete set null;`);
    this.addSql(`alter table "submission" add constraint "submission_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "submission" add constraint "submission_referred_to_id_foreign" foreign key ("referred_to_id") references "party" ("id") on delete set null;`);
    this.addSql(`alter table "submission" add constraint "submission_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on delete set null;`);

    this.addSql(`create table "registration_counter" ("series" varchar(20) not null, "year" int not null, "last" int not null, constraint "registration_counter_pkey" primary key ("series", "year"));`);

    this.addSql(`create table "submission_cosignature" ("id" uuid not null, "submission_id" uuid not null, "party_id" uuid not null, "signed_by_id" uuid null, "signed_at" timestamptz not null, constraint "submission_cosignature_pkey" primary key ("id"));`);
    this.addSql(`alter table "submission_cosignature" add constraint "submission_cosignature_submission_id_party_id_unique" unique ("submission_id", "party_id");`);
    this.addSql(`create index "submission_cosignature_party_id_index" on "submission_cosignature" ("party_id");`);
    this.addSql(`alter table "submission_cosignature" add constraint "submission_cosignature_submission_id_foreign" foreign key ("submission_id") references "submission" ("id") on delete cascade;`);
    this.addSql(`alter table "submission_cosignature" add constraint "submission_cosignature_party_id_foreign" foreign key ("party_id") references "party" ("id") on delete cascade;`);
    this.addSql(`alter table "submission_cosignature" add constraint "submission_cosignature_signed_by_id_foreign" foreign key ("signed_by_id") references "person" ("id") on delete set null;`);

    this.addSql(`create table "submission_event" ("id" uuid not null, "submission_id" uuid not null, "action" "submission_action" null, "from_status" "submission_status" null, "to_status" "submission_status" null, "actor_id" uuid null, "party_id" uuid null, "text" text null, "agenda_item_id" uuid null, "occurred_at" timestamptz not null, constraint "submission_event_pkey" primary key ("id"));`);
    this.addSql(`create index "submission_event_submission_id_occurred_at_index" on "submission_event" ("submission_id", "occurred_at");`);
    this.addSql(`alter table "submission_event" add constraint "submission_event_submission_id_foreign" foreign key ("submission_id") references "submission" ("id") on delete cascade;`);
    this.addSql(`alter table "submission_event" add constraint "submission_event_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "submission_event" add constraint "submission_event_party_id_foreign" foreign key ("party_id") references "party" ("id") on delete set null;`);
    this.addSql(`alter table "submission_event" add constraint "submission_event_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on delete set null;`);

    this.addSql(`create table "submission_message" ("id" uuid not null, "submission_id" uuid not null, "visibility" "submission_message_visibility" not null, "author_id" uuid null, "body" text not null, "posted_at" timestamptz not null, constraint "submission_message_pkey" primary key ("id"));`);
    this.addSql(`create index "submission_message_submission_id_visibility_posted_at_index" on "submission_message" ("submission_id", "visibility", "posted_at");`);
    this.addSql(`alter table "submission_message" add constraint "submission_message_submission_id_foreign" foreign key ("submission_id") references "submission" ("id") on delete cascade;`);
    this.addSql(`alter table "submission_message" add constraint "submission_message_author_id_foreign" foreign key ("author_id") references "person" ("id") on delete set null;`);

    this.addSql(`create table "submission_follow" ("id" uuid not null, "person_id" uuid not null, "submission_id" uuid not null, "following" boolean not null default true, "since" timestamptz not null, constraint "submission_follow_pkey" primary key ("id"));`);
    this.addSql(`alter table "submission_follow" add constraint "submission_follow_person_id_submission_id_unique" unique ("person_id", "submission_id");`);
    this.addSql(`create index "submission_follow_submission_id_index" on "submission_follow" ("submission_id");`);
    this.addSql(`alter table "submission_follow" add constraint "submission_follow_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "submission_follow" add constraint "submission_follow_submission_id_foreign" foreign key ("submission_id") references "submission" ("id") on delete cascade;`);

    this.addSql(`alter table "document_attachment" add column "submission_id" uuid null;`);
    this.addSql(`alter table "document_attachment" add constraint "document_attachment_submission_id_document_id_unique" unique ("submission_id", "document_id");`);
    this.addSql(`alter table "document_attachment" add constraint "document_attachment_submission_id_foreign" foreign key ("submission_id") references "submission" ("id") on delete cascade;`);
    this.addSql(`alter table "document_attachment" drop constraint "document_attachment_one_owner";`);
    this.addSql(`alter table "document_attachment" add constraint "document_attachment_one_owner" check (num_nonnulls(agenda_item_id, submission_id) = 1);`);

    this.addSql(`create type "notification_kind" as enum ('SUBMISSION_STEP', 'SUBMISSION_ANSWERED', 'SUBMISSION_MESSAGE');`);
    this.addSql(`create type "notification_delivery" as enum ('IMMEDIATE', 'DAILY', 'WEEKLY', 'NONE');`);
    this.addSql(`create table "notification" ("id" uuid not null, "person_id" uuid not null, "kind" "notification_kind" not null, "submission_id" uuid null, "params" jsonb not null default '{}', "created_at" timestamptz not null, "read_at" timestamptz null, "mailed_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_person_id_created_at_index" on "notification" ("person_id", "created_at");`);
    this.addSql(`create index "notification_unread_index" on "notification" ("person_id") where "read_at" is null;`);
    this.addSql(`create index "notification_submission_id_index" on "notification" ("submission_id");`);
    this.addSql(`alter table "notification" add constraint "notification_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "notification" add constraint "notification_submission_id_foreign" foreign key ("submission_id") references "submission" ("id") on delete cascade;`);
    this.addSql(`create table "notification_preference" ("id" uuid not null, "person_id" uuid not null, "kind" "notification_kind" not null, "delivery" "notification_delivery" not null, constraint "notification_preference_pkey" primary key ("id"));`);
    this.addSql(`alter table "notification_preference" add constraint "notification_preference_person_id_kind_unique" unique ("person_id", "kind");`);
    this.addSql(`alter table "notification_preference" add constraint "notification_preference_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_preference";`);
    this.addSql(`drop table if exists "notification";`);
    this.addSql(`drop type if exists "notification_delivery";`);
    this.addSql(`drop type if exists "notification_kind";`);
    this.addSql(`alter table "document_attachment" drop constraint "document_attachment_one_owner";`);
    this.addSql(`delete from "document_attachment" where "submission_id" is not null;`);
    this.addSql(`alter table "document_attachment" drop column "submission_id";`);
    this.addSql(`alter table "document_attachment" add constraint "document_attachment_one_owner" check (num_nonnulls(agenda_item_id) = 1);`);
    this.addSql(`drop table if exists "submission_follow";`);
    this.addSql(`drop table if exists "submission_message";`);
    this.addSql(`drop table if exists "submission_event";`);
    this.addSql(`drop table if exists "submission_cosignature";`);
    this.addSql(`drop table if exists "registration_counter";`);
    this.addSql(`drop table if exists "submission";`);
    this.addSql(`drop type if exists "submission_message_visibility";`);
    this.addSql(`drop type if exists "submission_action";`);
    this.addSql(`drop type if exists "submission_publication";`);
    this.addSql(`drop type if exists "submission_status";`);
    this.addSql(`drop type if exists "submission_kind";`);
    this.addSql(`alter table "person" drop column "language";`);
    this.addSql(`drop type if exists "language";`);
  }

}
