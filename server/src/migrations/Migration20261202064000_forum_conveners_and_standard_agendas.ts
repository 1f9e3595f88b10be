import { Migration } from '@mikro-orm/migrations';

/** The convener role of a forum (an account's), and each forum's standard agenda. */
export class Migration20261202064000_forum_conveners_and_standard_agendas extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "forum_convener" ("id" uuid not null, "forum_id" uuid not null, "person_id" uuid not null, "assigned_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "forum_convener" add constraint "forum_convener_forum_id_person_id_unique" unique ("forum_id", "person_id");`,
    );
    this.addSql(`create index "forum_convener_person_id_index" on "forum_convener" ("person_id");`);
    this.addSql(
      `alter table "forum_convener" add constraint "forum_convener_forum_id_foreign" foreign key ("forum_id") references "forum" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "forum_convener" add constraint "forum_convener_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `create table "standard_agenda_item" ("id" uuid not null, "forum_id" uuid not null, "position" int not null, "title" varchar(300) not null, "kind" "agenda_item_kind" not null, "presenter" varchar(200) null, "description" text null, "planned_minutes" int not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "standard_agenda_item" add constraint "standard_agenda_item_forum_id_position_unique" unique ("forum_id", "position");`,
    );
    this.addSql(
      `alter table "standard_agenda_item" add constraint "standard_agenda_item_forum_id_foreign" foreign key ("forum_id") references "forum" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "standard_agenda_item";`);
    this.addSql(`drop table if exists "forum_convener";`);
  }
}
