import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { DataSetSize } from '../bench-settings';
import { withoutIndexes } from './bulk-load';

/** Nobody signs in during the benchmark (tokens are issued directly): any string will do. */
const NO_PASSWORD = '$argon2id$v=19$m=19456,t=2,p=1$bench$no-sign-in';

/** Deterministic ids, so two runs seed the same rows and a failure names the same meeting. */
export const benchUserId = (kind: 'admin' | 'instructor' | 'student' | 'listener', index: number): string => uuidOf(`${kind}-${index}`);

function uuidOf(name: string): string {
  // The same formula as the SQL below: md5('<kind>-<index>')::uuid.
  const hex = createHash('md5').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Participants of meeting i are students (i·37 + k·STRIDE) mod S: distinct while STRIDE and S are coprime. */
const STRIDE = 131;

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/** $1 meetings, $2 students, $3 participants per meeting. */
const INSERT_PARTICIPANTS = `insert into meeting_participants (id, meeting_id, user_id, status, rsvp, invited_at, responded_at, joined_at, left_at, attended_seconds)
       select md5('participant-' || i || '-' || k)::uuid,
              md5('meeting-' || i)::uuid,
              md5('student-' || (1 + (i * 37 + k * ${STRIDE}) % $2::int))::uuid,
              case when not m.past then case k % 3 when 0 then 'ACCEPTED' when 1 then 'INVITED' else 'DECLINED' end
                   when m.status = 'ENDED' and k % 3 = 0 and k % 2 = 0 then 'PRESENT'
                   when m.status = 'ENDED' then 'ABSENT'
                   else case k % 3 when 0 then 'ACCEPTED' when 1 then 'INVITED' else 'DECLINED' end end,
              case k % 3 when 0 then 'ACCEPTED' when 1 then 'PENDING' else 'DECLINED' end,
              m.created_at,
              case when k % 3 <> 1 then m.created_at + interval '1 day' end,
              case when m.status = 'ENDED' and k % 3 = 0 and k % 2 = 0 then m.started_at end,
              case when m.status = 'ENDED' and k % 3 = 0 and k % 2 = 0 then m.ended_at end,
              case when m.status = 'ENDED' and k % 3 = 0 and k % 2 = 0 then m.duration_minutes * 60 else 0 end
         from (select i, meetings.*, i <= $1::int / 4 as past
                 from generate_series(1, $1::int) i join meetings on meetings.id = md5('meeting-' || i)::uuid) as m
         cross join generate_series(0, $3::int - 1) k`;

/**
 * Fills a migrated, empty database in a few set-based statements (no ORM, no API): one admin,
 * instructors, students, meetings spread from long past to far ahead (a quarter past and ENDED, the rest
 * SCHEDULED, every tenth CANCELLED; none near now, so "upcoming" cannot depend on which clock asks),
 * and invitations with a mix of answers and attendance. Also the listeners of the fan-out tests.
 */
export async function seedBenchData(databaseUrl: string, size: DataSetSize): Promise<void> {
  if (size.participantsPerMeeting > size.students || greatestCommonDivisor(STRIDE, size.students) !== 1) {
    throw new Error(`cannot pick ${size.participantsPerMeeting} distinct students out of ${size.students}`);
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into users (id, email, display_name, role, password_hash, created_at)
       select md5('admin-1')::uuid, 'admin@bench.amphi.test', 'Bench Admin', 'ADMIN', $1, now()
       union all
       select md5('instructor-' || i)::uuid, 'instructor' || i || '@bench.amphi.test', 'Instructor ' || lpad(i::text, 4, '0'), 'INSTRUCTOR', $1, now()
         from generate_series(1, $2::int) i
       union all
       select md5('student-' || i)::uuid, 'student' || i || '@bench.amphi.test', 'Student ' || lpad(i::text, 5, '0'), 'STUDENT', $1, now()
         from generate_series(1, $3::int) i
       union all
       select md5('listener-' || i)::uuid, 'listener' || i || '@bench.amphi.test', 'Listener ' || lpad(i::text, 5, '0'), 'STUDENT', $1, now()
         from generate_series(1, $4::int) i`,
      [NO_PASSWORD, size.instructors, size.students, size.listeners],
    );
    await client.query(
      `insert into meetings (id, title, description, scheduled_at, duration_minutes, ends_at, status, started_at, ended_at,
                             cancelled_at, cancel_reason, instructor_id, room_name, created_at, updated_at, version)
       select md5('meeting-' || i)::uuid,
              'Lecture ' || i,
              case when i % 3 = 0 then 'Bring the exercises of week ' || (i % 14) end,
              at, duration, at + duration * interval '1 minute',
              case when i % 10 = 0 then 'CANCELLED' when past then 'ENDED' else 'SCHEDULED' end,
              case when past and i % 10 <> 0 then at end,
              case when past and i % 10 <> 0 then at + duration * interval '1 minute' end,
              case when i % 10 = 0 then at - interval '2 days' end,
              case when i % 10 = 0 then 'Instructor unavailable' end,
              md5('instructor-' || (1 + i % $2::int))::uuid,
              'amphi-bench-' || md5('room-' || i),
              now() - interval '60 days', now() - interval '30 days', 1
         from (select i, i <= $1::int / 4 as past, 60 + 30 * (i % 2) as duration,
                      case when i <= $1::int / 4
                           then date_trunc('hour', now()) - interval '1 day' - i * interval '30 minutes'
                           else date_trunc('hour', now()) + interval '1 day' + (i - $1::int / 4) * interval '30 minutes' end as at
                 from generate_series(1, $1::int) i) as spread`,
      [size.meetings, size.instructors],
    );
    await withoutIndexes(client, 'meeting_participants', async () => {
      await client.query(INSERT_PARTICIPANTS, [size.meetings, size.students, size.participantsPerMeeting]);
    });
    await client.query('commit');
    await client.query('analyze');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
