import type { InvariantName } from './database-invariants';

const FIRST_MEETING = 'select min(id::text)::uuid from meetings';

/**
 * Ways a database could go wrong, each with the invariant that must notice it: a check of the checks,
 * so that an invariant that can never fail (a typo in its SQL, a join that matches nothing) is caught.
 * Each one makes the state it needs: whatever the fuzzing left (every live meeting ended, say), it
 * corrupts something.
 */
export const DATABASE_CORRUPTIONS: Array<{ invariant: InvariantName; sql: string }> = [
  {
    invariant: 'a meeting ends at its start plus its duration',
    sql: `update meetings set ends_at = ends_at + interval '1 minute' where id = (${FIRST_MEETING})`,
  },
  {
    invariant: 'a title has 1 to 200 characters, is not blank and is trimmed',
    sql: `update meetings set title = ' padded' where id = (${FIRST_MEETING})`,
  },
  {
    invariant: 'a live meeting has started and not ended',
    sql: `update meetings set status = 'LIVE', started_at = now(), ended_at = now(), cancelled_at = null where id = (${FIRST_MEETING})`,
  },
  {
    invariant: 'a meeting’s instructor is an instructor or an admin',
    sql: `update meetings set instructor_id = (select min(id::text)::uuid from users where role = 'STUDENT') where id = (${FIRST_MEETING})`,
  },
  {
    invariant: 'participants are students',
    sql: `update meeting_participants set user_id = (select min(id::text)::uuid from users where role = 'ADMIN') where id = (select min(id::text)::uuid from meeting_participants)`,
  },
  {
    invariant: 'someone in the room is PRESENT, in a live meeting',
    sql: `update meeting_participants set present_since = now(), joined_at = now(), status = 'ABSENT' where id = (select min(id::text)::uuid from meeting_participants)`,
  },
  {
    invariant: 'every event is about an existing meeting',
    sql: `insert into meeting_events (type, meeting_id, at) values ('UPDATED', gen_random_uuid(), now())`,
  },
  {
    invariant: 'every meeting has its events: STARTED, ENDED and CANCELLED once each, as its status says, in order',
    // One more STARTED than its status allows, whatever that status is.
    sql: `insert into meeting_events (type, meeting_id, at) values ('STARTED', (${FIRST_MEETING}), now())`,
  },
];
