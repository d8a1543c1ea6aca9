import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124012755_initial } from './Migration20261124012755_initial';
import { Migration20261124014405_meeting_events } from './Migration20261124014405_meeting_events';
import { Migration20261124015736_attendance } from './Migration20261124015736_attendance';
import { Migration20261124041615_mail_and_calendar } from './Migration20261124041615_mail_and_calendar';

/** Every migration, oldest first. Written by `npm run migration:create`. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124012755_initial', class: Migration20261124012755_initial },
  { name: 'Migration20261124014405_meeting_events', class: Migration20261124014405_meeting_events },
  { name: 'Migration20261124015736_attendance', class: Migration20261124015736_attendance },
  { name: 'Migration20261124041615_mail_and_calendar', class: Migration20261124041615_mail_and_calendar },
];
