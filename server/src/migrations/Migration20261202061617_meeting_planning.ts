import { Migration } from '@mikro-orm/migrations';

/** A meeting's planned end, place, digital link, adjusters and cancellation; an agenda item's description. */
export class Migration20261202061617_meeting_planning extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "meeting_status" add value if not exists 'CANCELLED' after 'CLOSED';`);
    this.addSql(`alter table "meeting" add "ends_at" timestamptz null, add "accessibility" text null, add "digital_link" varchar(500) null, add "cancelled_at" timestamptz null, add "cancellation_reason" text null;`);
    this.addSql(`update "meeting" set "ends_at" = coalesce("closed_at", "starts_at" + interval '2 hours');`);
    this.addSql(`alter table "meeting" alter column "ends_at" set not null;`);
    this.addSql(`alter table "agenda_item" add "description" text null;`);
    this.addSql(`create table "meeting_adjuster" ("id" uuid not null, "meeting_id" uuid not null, "person_id" uuid not null, "position" int not null, primary key ("id"));`);
    this.addSql(`alter table "meeting_adjuster" add constraint "meeting_adjuster_meeting_id_person_id_unique" unique ("meeting_id", "person_id");`);
    this.addSql(`create index "meeting_adjuster_person_id_index" on "meeting_adjuster" ("person_id");`);
    this.addSql(`alter table "meeting_adjuster" add constraint "meeting_adjuster_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "meeting_adjuster" add constraint "meeting_adjuster_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "meeting_adjuster";`);
    this.addSql(`alter table "agenda_item" drop column "description";`);
    this.addSql(`alter table "meeting" drop column "ends_at", drop column "accessibility", drop column "digital_link", drop column "cancelled_at", drop column "cancellation_reason";`);
  }

}
