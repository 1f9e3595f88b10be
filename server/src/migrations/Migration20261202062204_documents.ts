import { Migration } from '@mikro-orm/migrations';

export class Migration20261202062204_documents extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "document" ("id" uuid not null, "media_type" varchar(100) not null, "name" varchar(200) not null, "size" int not null, "sha256" varchar(64) not null, "uploaded_by_id" uuid null, "created_at" timestamptz not null, constraint "document_pkey" primary key ("id"));`);
    this.addSql(`create index "document_created_at_index" on "document" ("created_at");`);
    this.addSql(`alter table "document" add constraint "document_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "person" ("id") on delete set null;`);

    this.addSql(`create table "document_content" ("document_id" uuid not null, "bytes" bytea not null, constraint "document_content_pkey" primary key ("document_id"));`);
    this.addSql(`alter table "document_content" add constraint "document_content_document_id_foreign" foreign key ("document_id") references "document" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "document_attachment" ("id" uuid not null, "document_id" uuid not null, "agenda_item_id" uuid null, "attached_at" timestamptz not null, constraint "document_attachment_pkey" primary key ("id"));`);
    this.addSql(`create index "document_attachment_document_id_index" on "document_attachment" ("document_id");`);
    this.addSql(`alter table "document_attachment" add constraint "document_attachment_agenda_item_id_document_id_unique" unique ("agenda_item_id", "document_id");`);
    this.addSql(`alter table "document_attachment" add constraint "document_attachment_document_id_foreign" foreign key ("document_id") references "document" ("id") on delete cascade;`);
    this.addSql(`alter table "document_attachment" add constraint "document_attachment_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on delete cascade;`);
    this.addSql(`alter table "document_attachment" add constraint "document_attachment_one_owner" check (num_nonnulls(agenda_item_id) = 1);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "document_attachment";`);
    this.addSql(`drop table if exists "document_content";`);
    this.addSql(`drop table if exists "document";`);
  }

}
