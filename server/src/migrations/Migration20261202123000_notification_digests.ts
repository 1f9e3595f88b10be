import { Migration } from '@mikro-orm/migrations';

/** The digests look up notifications not mailed yet; the index holds only those, so it stays small. */
export class Migration20261202123000_notification_digests extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "notification_unmailed_index" on "notification" ("person_id", "kind") where "mailed_at" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "notification_unmailed_index";`);
  }
}
