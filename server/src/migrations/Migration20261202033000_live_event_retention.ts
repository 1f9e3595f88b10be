import { Migration } from '@mikro-orm/migrations';

export class Migration20261202033000_live_event_retention extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "live_event" add column "xid" xid8 not null default pg_current_xact_id();`);
    this.addSql(`create index "live_event_xid_index" on "live_event" ("xid");`);
    this.addSql(`create index "live_event_occurred_at_index" on "live_event" ("occurred_at");`);
    this.addSql(`create table "live_event_horizon" ("id" boolean primary key default true check ("id"), "pruned_through" bigint not null default 0);`);
    this.addSql(`insert into "live_event_horizon" default values;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "live_event_horizon";`);
    this.addSql(`drop index if exists "live_event_occurred_at_index";`);
    this.addSql(`drop index if exists "live_event_xid_index";`);
    this.addSql(`alter table "live_event" drop column "xid";`);
  }

}
