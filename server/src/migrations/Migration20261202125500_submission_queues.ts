import { Migration } from '@mikro-orm/migrations';

/** The party's own list (newest change first) and a C-nätet representative's referrals. */
export class Migration20261202125500_submission_queues extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "submission_party_id_updated_at_index" on "submission" ("party_id", "updated_at");`);
    this.addSql(`create index "submission_referred_to_id_status_index" on "submission" ("referred_to_id", "status");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "submission_referred_to_id_status_index";`);
    this.addSql(`drop index "submission_party_id_updated_at_index";`);
  }
}
