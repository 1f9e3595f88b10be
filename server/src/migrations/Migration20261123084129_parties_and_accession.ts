import { Migration } from '@mikro-orm/migrations';

export class Migration20261123084129_parties_and_accession extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "party_kind" as enum ('NON_PROFIT_ASSOCIATION', 'FOUNDATION', 'STUDY_ASSOCIATION', 'FAITH_COMMUNITY', 'SOCIAL_ENTERPRISE', 'NETWORK', 'UMBRELLA_ORGANISATION', 'MUNICIPAL_BOARD', 'MUNICIPAL_DEPARTMENT', 'MUNICIPAL_COMPANY');`);
    this.addSql(`create type "membership_role" as enum ('MEMBER', 'CONTACT');`);
    this.addSql(`create type "membership_status" as enum ('REQUESTED', 'ACTIVE', 'DECLINED');`);
    this.addSql(`create type "exclusion_case_status" as enum ('OPEN', 'PARTY_RESPONDED', 'EXCLUDED', 'NOT_EXCLUDED');`);
    this.addSql(`create type "account_token_purpose" as enum ('PASSWORD_RESET', 'INVITATION');`);
    this.addSql(`create type "accession_status" as enum ('REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXCLUDED');`);
    this.addSql(`create table "party" ("id" uuid not null, "name" varchar(200) not null, "kind" "party_kind" not null, "organisation_number" varchar(11) null, "description" text null, "areas_of_interest" text[] not null, "public_contact" varchar(200) null, "website" varchar(300) null, "network_contact_name" varchar(200) null, "network_participants" text null, "network_confirmed_at" timestamptz null, "created_at" timestamptz not null, constraint "party_pkey" primary key ("id"));`);
    this.addSql(`create index "party_kind_index" on "party" ("kind");`);
    this.addSql(`create index "party_areas_of_interest_index" on "party" using gin ("areas_of_interest");`);
    this.addSql(`create unique index "party_organisation_number_unique" on "party" ("organisation_number") where "kind" not in ('MUNICIPAL_BOARD', 'MUNICIPAL_DEPARTMENT');`);
    this.addSql(`create index "party_search_index" on "party" using gin (to_tsvector('swedish', "name" || ' ' || coalesce("description", '')));`);

    this.addSql(`create table "nomination" ("id" uuid not null, "party_id" uuid not null, "nominee_name" varchar(200) not null, "motivation" text not null, "nominated_by_id" uuid null, "created_at" timestamptz not null, constraint "nomination_pkey" primary key ("id"));`);
    this.addSql(`create index "nomination_party_id_index" on "nomination" ("party_id");`);

    this.addSql(`create table "membership" ("id" uuid not null, "person_id" uuid not null, "party_id" uuid not null, "role" "membership_role" not null default 'MEMBER', "status" "membership_status" not null default 'ACTIVE', "created_at" timestamptz not null, constraint "membership_pkey" primary key ("id"));`);
    this.addSql(`create index "membership_party_id_index" on "membership" ("party_id");`);
    this.addSql(`alter table "membership" add constraint "membership_person_id_party_id_unique" unique ("person_id", "party_id");`);

    this.addSql(`create table "exclusion_case" ("id" uuid not null, "party_id" uuid not null, "status" "exclusion_case_status" not null default 'OPEN', "grounds" text not null, "opened_by_id" uuid null, "opened_at" timestamptz not null, "party_response" text null, "responded_at" timestamptz null, "council_decision" text null, "decided_at" timestamptz null, "version" int not null default 1, constraint "exclusion_case_pkey" primary key ("id"));`);
    this.addSql(`create index "exclusion_case_party_id_index" on "exclusion_case" ("party_id");`);

    this.addSql(`create table "cnatet_representative" ("id" uuid not null, "department_id" uuid not null, "person_id" uuid not null, "appointed_at" timestamptz not null, constraint "cnatet_representative_pkey" primary key ("id"));`);
    this.addSql(`alter table "cnatet_representative" add constraint "cnatet_representative_department_id_unique" unique ("department_id");`);

    this.addSql(`create table "account_token" ("id" uuid not null, "token_hash" varchar(64) not null, "purpose" "account_token_purpose" not null, "email" varchar(254) not null, "person_id" uuid null, "party_id" uuid null, "role" "membership_role" null, "created_by_id" uuid null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "account_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "account_token" add constraint "account_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "account_token_email_index" on "account_token" ("email");`);

    this.addSql(`create table "accession" ("id" uuid not null, "party_id" uuid not null, "status" "accession_status" not null default 'REQUESTED', "requested_by_id" uuid null, "requested_at" timestamptz not null, "affirms_democratic_organisation" boolean not null, "affirms_values" boolean not null, "affirms_principles" boolean not null, "affirms_commitments" boolean not null, "decided_by_id" uuid null, "decided_at" timestamptz null, "reason" text null, "version" int not null default 1, constraint "accession_pkey" primary key ("id"));`);
    this.addSql(`create index "accession_party_id_index" on "accession" ("party_id");`);
    this.addSql(`create index "accession_status_requested_at_index" on "accession" ("status", "requested_at");`);

    this.addSql(`create table "rate_limit_attempt" ("id" bigserial primary key, "key" varchar(300) not null, "at" timestamptz not null default now());`);
    this.addSql(`create index "rate_limit_attempt_key_at_index" on "rate_limit_attempt" ("key", "at");`);

    this.addSql(`alter table "nomination" add constraint "nomination_party_id_foreign" foreign key ("party_id") references "party" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "nomination" add constraint "nomination_nominated_by_id_foreign" foreign key ("nominated_by_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "membership" add constraint "membership_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_party_id_foreign" foreign key ("party_id") references "party" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "exclusion_case" add constraint "exclusion_case_party_id_foreign" foreign key ("party_id") references "party" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "exclusion_case" add constraint "exclusion_case_opened_by_id_foreign" foreign key ("opened_by_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "cnatet_representative" add constraint "cnatet_representative_department_id_foreign" foreign key ("department_id") references "party" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "cnatet_representative" add constraint "cnatet_representative_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "account_token" add constraint "account_token_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "account_token" add constraint "account_token_party_id_foreign" foreign key ("party_id") references "party" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "account_token" add constraint "account_token_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "accession" add constraint "accession_party_id_foreign" foreign key ("party_id") references "party" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "accession" add constraint "accession_requested_by_id_foreign" foreign key ("requested_by_id") references "person" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "accession" add constraint "accession_decided_by_id_foreign" foreign key ("decided_by_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "council_seat" add column "ended_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "nomination" drop constraint "nomination_party_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_party_id_foreign";`);

    this.addSql(`alter table "exclusion_case" drop constraint "exclusion_case_party_id_foreign";`);

    this.addSql(`alter table "cnatet_representative" drop constraint "cnatet_representative_department_id_foreign";`);

    this.addSql(`alter table "account_token" drop constraint "account_token_party_id_foreign";`);

    this.addSql(`alter table "accession" drop constraint "accession_party_id_foreign";`);

    this.addSql(`drop table if exists "party" cascade;`);

    this.addSql(`drop table if exists "nomination" cascade;`);

    this.addSql(`drop table if exists "membership" cascade;`);

    this.addSql(`drop table if exists "exclusion_case" cascade;`);

    this.addSql(`drop table if exists "cnatet_representative" cascade;`);

    this.addSql(`drop table if exists "account_token" cascade;`);

    this.addSql(`drop table if exists "accession" cascade;`);

    this.addSql(`drop table if exists "rate_limit_attempt" cascade;`);

    this.addSql(`alter table "council_seat" drop column "ended_at";`);

    this.addSql(`drop type "party_kind";`);
    this.addSql(`drop type "membership_role";`);
    this.addSql(`drop type "membership_status";`);
    this.addSql(`drop type "exclusion_case_status";`);
    this.addSql(`drop type "account_token_purpose";`);
    this.addSql(`drop type "accession_status";`);
  }

}
