import type { InvariantName } from './database-invariants';

/**
 * Ways a database could go wrong, each with the invariant that must notice it: a check of the checks,
 * so that an invariant that can never fail (a typo in its SQL, a join that matches nothing) is caught.
 */
export const DATABASE_CORRUPTIONS: Array<{ invariant: InvariantName; sql: string }> = [
  {
    invariant: 'a meeting ends at its start plus its duration',
    sql: `update meetings set ends_at = ends_at + interval '1 minute' where id = (select min(id::text)::uuid from meetings)`,
  },
  {
    invariant: 'a title has 1 to 200 characters, is not blank and is trimmed',
    sql: `update meetings set title = ' padded' where id = (select min(id::text)::uuid from meetings)`,
  },
  {
    invariant: 'a live meeting has started and not ended',
    sql: `update meetings set ended_at = now() where status = 'LIVE'`,
  },
  {
    invariant: 'a meeting’s instructor is an instructor or an admin',
    sql: `update meetings set instructor_id = (select min(id::text)::uuid from users where role = 'STUDENT') where id = (select min(id::text)::uuid from meetings)`,
  },
  {
    invariant: 'participants are students',
    sql: `update meeting_participants set user_id = (select min(id::text)::uuid from users where role = 'ADMIN') where id = (select min(id::text)::uuid from meeting_participants)`,
  },
  {
    invariant: 'someone in the room is PRESENT, in a live meeting',
    sql: `update meeting_participants p set present_since = now(), joined_at = now() from meetings m where m.id = p.meeting_id and m.status = 'ENDED'`,
  },
  {
    invariant: 'every event is about an existing meeting',
    sql: `insert into meeting_events (type, meeting_id, at) values ('UPDATED', gen_random_uuid(), now())`,
  },
  {
    invariant: 'every meeting has its events: STARTED, ENDED and CANCELLED once each, as its status says, in order',
    sql: `insert into meeting_events (type, meeting_id, at) select 'STARTED', id, now() from meetings where status = 'SCHEDULED' limit 1`,
  },
];
