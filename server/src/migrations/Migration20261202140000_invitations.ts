import { Migration } from '@mikro-orm/migrations';

/** Early dialogue: invitations, consultations (remiss), occasions, participants, replies, responses, history. */
export class Migration20261202140000_invitations extends Migration {
  override name = 'Migration20261202140000_invitations';

  override up(): void | Promise<void> {
    this.addSql(`create type "invitation_kind" as enum ('DIALOGUE', 'CONSULTATION');`);
    this.addSql(`create type "process_stage" as enum ('IDEA', 'INVESTIGATION', 'PROPOSAL', 'DECISION', 'FOLLOW_UP');`);
    this.addSql(`create type "invitation_audience" as enum ('ALL_PARTIES', 'PARTY_KINDS', 'AREAS_OF_INTEREST', 'NAMED_PARTIES');`);
    this.addSql(`create type "invitation_status" as enum ('DRAFT', 'PUBLISHED', 'REGISTRATION_CLOSED', 'HELD', 'DEADLINE_PASSED', 'FEEDBACK_PUBLISHED', 'CLOSED', 'CANCELLED');`);
    this.addSql(`create type "invitation_reply_kind" as enum ('INPUT', 'DECLINED');`);
    this.addSql(`create type "occasion_mode" as enum ('DIGITAL', 'IN_PERSON');`);
    this.addSql(`create type "participant_status" as enum ('REGISTERED', 'WAITING', 'CANCELLED');`);
    this.addSql(`create type "invitation_action" as enum ('EDIT', 'PUBLISH', 'CLOSE_REGISTRATION', 'MARK_HELD', 'PASS_DEADLINE', 'PUBLISH_FEEDBACK', 'CLOSE', 'CANCEL', 'REGISTER', 'REPLY', 'RESPOND', 'COMPILE', 'MANAGE_OCCASIONS');`);
    this.addSql(`create type "compilation_verdict" as enum ('ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED');`);
    this.addSql(`create type "proposal_stance" as enum ('SUPPORTS', 'OPPOSES', 'NO_VIEW');`);
    this.addSql(`create table "invitation" ("id" uuid not null, "party_id" uuid not null, "kind" "invitation_kind" not null, "title" varchar(200) not null, "process" varchar(300) not null, "stage" "process_stage" not null, "planned_decision_on" date null, "deciding_body" varchar(200) null, "input_wanted" text not null, "principles" text[] not null, "areas" text[] not null, "audience" "invitation_audience" not null default 'ALL_PARTIES', "party_kinds" text[] not null, "contact_name" varchar(200) not null, "contact_details" varchar(200) not null, "status" "invitation_status" not null default 'DRAFT', "response_deadline" date null, "registration_number" varchar(60) null, "registration_series" varchar(20) null, "registration_year" int null, "registration_sequence" int null, "created_by_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "published_at" timestamptz null, "concludes_at" timestamptz null, "feedback" text null, "feedback_published_at" timestamptz null, "compilation_summary" text null, "compilation_published_at" timestamptz null, "cancel_reason" text null, "closed_at" timestamptz null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "invitation_stage_index" on "invitation" ("stage");`);
    this.addSql(`create index "invitation_status_index" on "invitation" ("status");`);
    this.addSql(`create index "invitation_response_deadline_index" on "invitation" ("response_deadline");`);
    this.addSql(`create index "invitation_concludes_at_index" on "invitation" ("concludes_at");`);
    this.addSql(`create index "invitation_status_published_at_index" on "invitation" ("status", "published_at");`);
    this.addSql(`create index "invitation_party_id_status_index" on "invitation" ("party_id", "status");`);
    this.addSql(`alter table "invitation" add constraint "invitation_registration_series_registration_year__9c2fe_unique" unique ("registration_series", "registration_year", "registration_sequence");`);
    this.addSql(`create table "invitation_reply" ("id" uuid not null, "invitation_id" uuid not null, "party_id" uuid not null, "kind" "invitation_reply_kind" not null, "text" text not null, "author_id" uuid null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "invitation_reply_party_id_invitation_id_index" on "invitation_reply" ("party_id", "invitation_id");`);
    this.addSql(`create index "invitation_reply_invitation_id_created_at_index" on "invitation_reply" ("invitation_id", "created_at");`);
    this.addSql(`create table "invitation_occasion" ("id" uuid not null, "invitation_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "mode" "occasion_mode" not null, "link" varchar(500) null, "place" varchar(300) null, "accessibility" text null, "capacity" int null, "registration_closes_on" date not null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "invitation_occasion_starts_at_index" on "invitation_occasion" ("starts_at");`);
    this.addSql(`create index "invitation_occasion_invitation_id_starts_at_index" on "invitation_occasion" ("invitation_id", "starts_at");`);
    this.addSql(`create table "occasion_participant" ("id" uuid not null, "occasion_id" uuid not null, "party_id" uuid not null, "name" varchar(200) not null, "needs" text null, "status" "participant_status" not null default 'REGISTERED', "sequence" int not null, "registered_by_id" uuid null, "registered_at" timestamptz not null, "seated_at" timestamptz null, "cancelled_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "occasion_participant_party_id_occasion_id_index" on "occasion_participant" ("party_id", "occasion_id");`);
    this.addSql(`create index "occasion_participant_occasion_id_status_sequence_index" on "occasion_participant" ("occasion_id", "status", "sequence");`);
    this.addSql(`create table "invitation_invitee" ("id" uuid not null, "invitation_id" uuid not null, "party_id" uuid not null, primary key ("id"));`);
    this.addSql(`create index "invitation_invitee_party_id_index" on "invitation_invitee" ("party_id");`);
    this.addSql(`alter table "invitation_invitee" add constraint "invitation_invitee_invitation_id_party_id_unique" unique ("invitation_id", "party_id");`);
    this.addSql(`create table "invitation_event" ("id" uuid not null, "invitation_id" uuid not null, "action" "invitation_action" not null, "from_status" "invitation_status" null, "to_status" "invitation_status" null, "actor_id" uuid null, "party_id" uuid null, "text" text null, "occurred_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "invitation_event_invitation_id_occurred_at_index" on "invitation_event" ("invitation_id", "occurred_at");`);
    this.addSql(`create table "consultation_proposal" ("id" uuid not null, "invitation_id" uuid not null, "position" int not null, "title" varchar(300) not null, "description" text null, primary key ("id"));`);
    this.addSql(`alter table "consultation_proposal" add constraint "consultation_proposal_invitation_id_position_unique" unique ("invitation_id", "position");`);
    this.addSql(`create table "consultation_response" ("id" uuid not null, "invitation_id" uuid not null, "party_id" uuid not null, "text" text null, "withheld" boolean not null default false, "author_id" uuid null, "submitted_at" timestamptz not null, "updated_at" timestamptz not null, "verdict" "compilation_verdict" null, "verdict_reason" text null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "consultation_response_party_id_index" on "consultation_response" ("party_id");`);
    this.addSql(`alter table "consultation_response" add constraint "consultation_response_invitation_id_party_id_unique" unique ("invitation_id", "party_id");`);
    this.addSql(`create table "consultation_position" ("id" uuid not null, "response_id" uuid not null, "proposal_id" uuid not null, "stance" "proposal_stance" not null, "text" text null, "verdict" "compilation_verdict" null, "verdict_reason" text null, primary key ("id"));`);
    this.addSql(`create index "consultation_position_proposal_id_index" on "consultation_position" ("proposal_id");`);
    this.addSql(`alter table "consultation_position" add constraint "consultation_position_response_id_proposal_id_unique" unique ("response_id", "proposal_id");`);
    this.addSql(`alter type "notification_kind" add value if not exists 'INVITATION_NEW' after 'SUBMISSION_MESSAGE';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'INVITATION_FEEDBACK' after 'INVITATION_NEW';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'INVITATION_CANCELLED' after 'INVITATION_FEEDBACK';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'INVITATION_SEAT_OFFERED' after 'INVITATION_CANCELLED';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'CONSULTATION_COMPILED' after 'INVITATION_SEAT_OFFERED';`);
    this.addSql(`alter table "notification" add "invitation_id" uuid null;`);
    this.addSql(`alter table "notification" add constraint "notification_invitation_id_foreign" foreign key ("invitation_id") references "invitation" ("id") on delete cascade;`);
    this.addSql(`create index "notification_invitation_id_index" on "notification" ("invitation_id");`);
    this.addSql(`alter table "document_attachment" drop constraint "document_attachment_one_owner";`);
    this.addSql(`alter table "document_attachment" add "invitation_id" uuid null, add "consultation_response_id" uuid null;`);
    this.addSql(`alter table "document_attachment" add constraint "document_attachment_invitation_id_foreign" foreign key ("invitation_id") references "invitation" ("id") on delete cascade;`);
    this.addSql(`alter table "document_attachment" add constraint "document_attachment_consultation_response_id_foreign" foreign key ("consultation_response_id") references "consultation_response" ("id") on delete cascade;`);
    this.addSql(`alter table "document_attachment" add constraint "document_attachment_consultation_response_id_document_id_unique" unique ("consultation_response_id", "document_id");`);
    this.addSql(`alter table "document_attachment" add constraint "document_attachment_invitation_id_document_id_unique" unique ("invitation_id", "document_id");`);
    this.addSql(`alter table "document_attachment" add constraint "document_attachment_one_owner" check (num_nonnulls(agenda_item_id, submission_id, invitation_id, consultation_response_id) = 1);`);
    this.addSql(`alter table "invitation" add constraint "invitation_party_id_foreign" foreign key ("party_id") references "party" ("id") on delete cascade;`);
    this.addSql(`alter table "invitation" add constraint "invitation_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "invitation" add constraint "invitation_principles_check" check ("principles" <@ array['INDEPENDENCE'::text, 'DIALOGUE'::text, 'QUALITY'::text, 'LONG_TERM'::text, 'OPENNESS'::text, 'DIVERSITY'::text]);`);
    this.addSql(`alter table "invitation" add constraint "invitation_party_kinds_check" check ("party_kinds" <@ array['NON_PROFIT_ASSOCIATION'::text, 'FOUNDATION'::text, 'STUDY_ASSOCIATION'::text, 'FAITH_COMMUNITY'::text, 'SOCIAL_ENTERPRISE'::text, 'NETWORK'::text, 'UMBRELLA_ORGANISATION'::text, 'MUNICIPAL_BOARD'::text, 'MUNICIPAL_DEPARTMENT'::text, 'MUNICIPAL_COMPANY'::text]);`);
    this.addSql(`alter table "invitation_reply" add constraint "invitation_reply_invitation_id_foreign" foreign key ("invitation_id") references "invitation" ("id") on delete cascade;`);
    this.addSql(`alter table "invitation_reply" add constraint "invitation_reply_party_id_foreign" foreign key ("party_id") references "party" ("id") on delete cascade;`);
    this.addSql(`alter table "invitation_reply" add constraint "invitation_reply_author_id_foreign" foreign key ("author_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "invitation_occasion" add constraint "invitation_occasion_invitation_id_foreign" foreign key ("invitation_id") references "invitation" ("id") on delete cascade;`);
    this.addSql(`alter table "occasion_participant" add constraint "occasion_participant_occasion_id_foreign" foreign key ("occasion_id") references "invitation_occasion" ("id") on delete cascade;`);
    this.addSql(`alter table "occasion_participant" add constraint "occasion_participant_party_id_foreign" foreign key ("party_id") references "party" ("id") on delete cascade;`);
    this.addSql(`alter table "occasion_participant" add constraint "occasion_participant_registered_by_id_foreign" foreign key ("registered_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "invitation_invitee" add constraint "invitation_invitee_invitation_id_foreign" foreign key ("invitation_id") references "invitation" ("id") on delete cascade;`);
    this.addSql(`alter table "invitation_invitee" add constraint "invitation_invitee_party_id_foreign" foreign key ("party_id") references "party" ("id") on delete cascade;`);
    this.addSql(`alter table "invitation_event" add constraint "invitation_event_invitation_id_foreign" foreign key ("invitation_id") references "invitation" ("id") on delete cascade;`);
    this.addSql(`alter table "invitation_event" add constraint "invitation_event_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "invitation_event" add constraint "invitation_event_party_id_foreign" foreign key ("party_id") references "party" ("id") on delete set null;`);
    this.addSql(`alter table "consultation_proposal" add constraint "consultation_proposal_invitation_id_foreign" foreign key ("invitation_id") references "invitation" ("id") on delete cascade;`);
    this.addSql(`alter table "consultation_response" add constraint "consultation_response_invitation_id_foreign" foreign key ("invitation_id") references "invitation" ("id") on delete cascade;`);
    this.addSql(`alter table "consultation_response" add constraint "consultation_response_party_id_foreign" foreign key ("party_id") references "party" ("id") on delete cascade;`);
    this.addSql(`alter table "consultation_response" add constraint "consultation_response_author_id_foreign" foreign key ("author_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "consultation_position" add constraint "consultation_position_response_id_foreign" foreign key ("response_id") references "consultation_response" ("id") on delete cascade;`);
    this.addSql(`alter table "consultation_position" add constraint "consultation_position_proposal_id_foreign" foreign key ("proposal_id") references "consultation_proposal" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "document_attachment" drop constraint "document_attachment_one_owner";`);
    this.addSql(`delete from "document_attachment" where "invitation_id" is not null or "consultation_response_id" is not null;`);
    this.addSql(`alter table "document_attachment" drop column "invitation_id", drop column "consultation_response_id";`);
    this.addSql(`alter table "document_attachment" add constraint "document_attachment_one_owner" check (num_nonnulls(agenda_item_id, submission_id) = 1);`);
    this.addSql(`delete from "notification" where "invitation_id" is not null;`);
    this.addSql(`alter table "notification" drop column "invitation_id";`);
    for (const table of [
      'consultation_position',
      'consultation_response',
      'consultation_proposal',
      'invitation_event',
      'invitation_invitee',
      'occasion_participant',
      'invitation_occasion',
      'invitation_reply',
      'invitation',
    ]) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
    for (const type of [
      'proposal_stance',
      'compilation_verdict',
      'invitation_action',
      'participant_status',
      'occasion_mode',
      'invitation_reply_kind',
      'invitation_status',
      'invitation_audience',
      'process_stage',
      'invitation_kind',
    ]) {
      this.addSql(`drop type if exists "${type}";`);
    }
  }
}
