import { Migration } from '@mikro-orm/migrations';

export class Migration20261124014405_meeting_events extends Migration {
  override name = 'Migration20261124014405_meeting_events';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "meeting_events" ("id" bigserial primary key, "type" text not null, "meeting_id" uuid not null, "participant_id" uuid null, "user_id" uuid null, "at" timestamptz not null);`,
    );
    this.addSql(`create index "meeting_events_at_index" on "meeting_events" ("at");`);
    this.addSql(`create index "meeting_events_meeting_id_id_index" on "meeting_events" ("meeting_id", "id");`);

    this.addSql(
      `alter table "meeting_events" add constraint "meeting_events_type_check" check ("type" in ('CREATED', 'UPDATED', 'STARTED', 'ENDED', 'CANCELLED', 'INVITED', 'UNINVITED', 'PARTICIPANT_UPDATED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "meeting_events" cascade;`);
  }
}
