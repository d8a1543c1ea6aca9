import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventLog } from '../../live/event-log';
import { MeetingEventRecord } from './meeting-event.entity';

/** The meetings' event log, kept in `meeting_events` (appendEvents writes it, in each change's transaction). */
export function meetingEventLog(orm: MikroORM): EventLog<MeetingEventRecord> {
  return {
    async newestId() {
      const [row] = await orm.em.fork().execute<Array<{ max: string | null }>>('select max(id) as max from meeting_events');
      return Number(row?.max ?? 0);
    },
    async oldestId() {
      const [row] = await orm.em.fork().execute<Array<{ min: string | null }>>('select min(id) as min from meeting_events');
      return row?.min == null ? null : Number(row.min);
    },
    readAfter: (afterId, limit, meetingId) =>
      orm.em.fork().find(MeetingEventRecord, { id: { $gt: afterId }, ...(meetingId ? { meetingId } : {}) }, { orderBy: { id: 'asc' }, limit }),
    async pruneBefore(cutoff) {
      await orm.em.fork().nativeDelete(MeetingEventRecord, { at: { $lt: cutoff } });
    },
  };
}
