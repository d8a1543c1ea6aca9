import { Migration } from '@mikro-orm/migrations';

export class Migration20261124015736_attendance extends Migration {
  override name = 'Migration20261124015736_attendance';

  override up(): void | Promise<void> {
    this.addSql(`alter table "meetings" add "attendance_threshold_percent" int null;`);

    this.addSql(`alter table "meeting_participants" add "last_seen_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "meeting_participants" drop column "last_seen_at";`);

    this.addSql(`alter table "meetings" drop column "attendance_threshold_percent";`);
  }
}
