import { Migration } from '@mikro-orm/migrations';

export class Migration20261124012755_initial extends Migration {
  override name = 'Migration20261124012755_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "users" ("id" uuid not null, "email" varchar(320) not null, "display_name" varchar(100) not null, "role" text not null, "password_hash" varchar(255) not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `create table "meetings" ("id" uuid not null, "title" varchar(200) not null, "description" text null, "scheduled_at" timestamptz not null, "duration_minutes" int not null, "ends_at" timestamptz not null, "status" text not null, "started_at" timestamptz null, "ended_at" timestamptz null, "cancelled_at" timestamptz null, "cancel_reason" varchar(500) null, "instructor_id" uuid not null, "room_name" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, primary key ("id"));`,
    );
    this.addSql(`create index "meetings_scheduled_at_index" on "meetings" ("scheduled_at");`);
    this.addSql(`create index "meetings_instructor_id_index" on "meetings" ("instructor_id");`);
    this.addSql(`alter table "meetings" add constraint "meetings_room_name_unique" unique ("room_name");`);
    this.addSql(`create index "meetings_ends_at_index" on "meetings" ("ends_at");`);

    this.addSql(
      `create table "meeting_participants" ("id" uuid not null, "meeting_id" uuid not null, "user_id" uuid not null, "status" text not null default 'INVITED', "rsvp" text not null default 'PENDING', "invited_at" timestamptz not null, "responded_at" timestamptz null, "joined_at" timestamptz null, "left_at" timestamptz null, "present_since" timestamptz null, "attended_seconds" int not null default 0, primary key ("id"));`,
    );
    this.addSql(`create index "meeting_participants_user_id_index" on "meeting_participants" ("user_id");`);
    this.addSql(`alter table "meeting_participants" add constraint "meeting_participants_meeting_user_unique" unique ("meeting_id", "user_id");`);

    this.addSql(`alter table "users" add constraint "users_email_lowercase" check (email = lower(email));`);
    this.addSql(`alter table "users" add constraint "users_role_check" check ("role" in ('ADMIN', 'INSTRUCTOR', 'STUDENT'));`);

    this.addSql(`alter table "meetings" add constraint "meetings_instructor_id_foreign" foreign key ("instructor_id") references "users" ("id");`);
    this.addSql(`alter table "meetings" add constraint "meetings_status_check" check ("status" in ('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED'));`);

    this.addSql(
      `alter table "meeting_participants" add constraint "meeting_participants_meeting_id_foreign" foreign key ("meeting_id") references "meetings" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "meeting_participants" add constraint "meeting_participants_user_id_foreign" foreign key ("user_id") references "users" ("id");`,
    );
    this.addSql(
      `alter table "meeting_participants" add constraint "meeting_participants_status_check" check ("status" in ('INVITED', 'ACCEPTED', 'DECLINED', 'PRESENT', 'ABSENT'));`,
    );
    this.addSql(
      `alter table "meeting_participants" add constraint "meeting_participants_rsvp_check" check ("rsvp" in ('PENDING', 'ACCEPTED', 'DECLINED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "meetings" drop constraint "meetings_instructor_id_foreign";`);
    this.addSql(`alter table "meeting_participants" drop constraint "meeting_participants_user_id_foreign";`);
    this.addSql(`alter table "meeting_participants" drop constraint "meeting_participants_meeting_id_foreign";`);

    this.addSql(`drop table if exists "users" cascade;`);
    this.addSql(`drop table if exists "meetings" cascade;`);
    this.addSql(`drop table if exists "meeting_participants" cascade;`);
  }
}
