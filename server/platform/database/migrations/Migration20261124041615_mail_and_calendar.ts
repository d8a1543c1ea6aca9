import { Migration } from '@mikro-orm/migrations';

export class Migration20261124041615_mail_and_calendar extends Migration {
  override name = 'Migration20261124041615_mail_and_calendar';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "users" add "language" text not null default 'en', add "time_zone" varchar(64) null, add "calendar_token" varchar(64) null;`,
    );
    this.addSql(`alter table "users" add constraint "users_calendar_token_unique" unique ("calendar_token");`);
    this.addSql(`alter table "users" add constraint "users_language_check" check ("language" in ('en', 'fr'));`);

    this.addSql(`alter table "meetings" add "reminder_due_at" timestamptz null;`);
    this.addSql(`create index "meetings_reminder_due_at_index" on "meetings" ("reminder_due_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "meetings_reminder_due_at_index";`);
    this.addSql(`alter table "meetings" drop column "reminder_due_at";`);

    this.addSql(`alter table "users" drop constraint "users_calendar_token_unique";`);
    this.addSql(`alter table "users" drop constraint "users_language_check";`);
    this.addSql(`alter table "users" drop column "language", drop column "time_zone", drop column "calendar_token";`);
  }
}
