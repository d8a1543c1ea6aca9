import type { OrmConfigOptions } from '../platform/database/orm-config';
import { ormConfig } from '../platform/database/orm-config';
import { User } from '../accounts/model/user.entity';
import { MeetingEventRecord } from '../meetings/events/meeting-event.entity';
import { Meeting } from '../meetings/model/meeting.entity';
import { MeetingParticipant } from '../meetings/model/participant.entity';

/** Every entity of the app, for MikroORM. */
export const entities = [User, Meeting, MeetingParticipant, MeetingEventRecord];

/** MikroORM's configuration for Amphi's entities (the server, scripts, tests, the benchmark and the CLI). */
export function amphiOrmConfig(options: Omit<OrmConfigOptions, 'entities'>) {
  return ormConfig({ ...options, entities });
}
