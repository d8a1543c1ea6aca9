import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';

/**
 * A meeting of instructor 1 that can start right away (it begins in five minutes), with listeners
 * `first`…`first + count - 1` invited; written in SQL, so it raises no event of its own.
 */
export async function createFanOutMeeting(client: Client, first: number, count: number): Promise<string> {
  const id = randomUUID();
  await client.query('begin');
  try {
    await client.query(
      `insert into meetings (id, title, scheduled_at, duration_minutes, ends_at, status, instructor_id, room_name, created_at, updated_at, version)
       values ($1, 'Lecture hall, room 2', now() + interval '5 minutes', 60, now() + interval '65 minutes', 'SCHEDULED',
               md5('instructor-1')::uuid, $2, now(), now(), 1)`,
      [id, `amphi-bench-${randomBytes(20).toString('hex')}`],
    );
    await client.query(
      `insert into meeting_participants (id, meeting_id, user_id, status, rsvp, invited_at)
       select gen_random_uuid(), $1, md5('listener-' || i)::uuid, 'INVITED', 'PENDING', now()
         from generate_series($2::int, $3::int) i`,
      [id, first, first + count - 1],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  return id;
}
