import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * What must hold in the database whatever the API was asked, each as a query returning the rows that
 * break it (so an empty answer is a pass, and a failure shows the culprits).
 */
export const DATABASE_INVARIANTS = {
  'a meeting ends at its start plus its duration': `
    select id, scheduled_at, duration_minutes, ends_at from meetings
     where ends_at <> scheduled_at + duration_minutes * interval '1 minute'`,
  'a meeting lasts 5 to 480 minutes': `
    select id, duration_minutes from meetings where duration_minutes not between 5 and 480`,
  'a title has 1 to 200 characters, is not blank and is trimmed': `
    select id, title from meetings
     where char_length(title) not between 1 and 200 or title ~ '^[[:space:]]*$' or title ~ '^[ \\t\\n\\r]|[ \\t\\n\\r]$'`,
  'a description is null rather than blank, and trimmed': `
    select id, description from meetings where description ~ '^[[:space:]]*$' or description ~ '^[ \\t\\n\\r]|[ \\t\\n\\r]$'`,
  'a scheduled meeting has not started, ended or been cancelled': `
    select id, started_at, ended_at, cancelled_at from meetings
     where status = 'SCHEDULED' and (started_at is not null or ended_at is not null or cancelled_at is not null)`,
  'a live meeting has started and not ended': `
    select id, started_at, ended_at, cancelled_at from meetings
     where status = 'LIVE' and (started_at is null or ended_at is not null or cancelled_at is not null)`,
  'an ended meeting started, then ended': `
    select id, started_at, ended_at from meetings
     where status = 'ENDED' and (started_at is null or ended_at is null or started_at > ended_at or cancelled_at is not null)`,
  'a cancelled meeting was cancelled and never started': `
    select id, started_at, ended_at, cancelled_at from meetings
     where status = 'CANCELLED' and (cancelled_at is null or started_at is not null or ended_at is not null)`,
  'a meeting started no earlier than 15 minutes before its scheduled time': `
    select id, scheduled_at, started_at from meetings where started_at < scheduled_at - interval '15 minutes'`,
  'only cancelled meetings have a cancel reason, of at most 500 characters and not blank': `
    select id, status, cancel_reason from meetings
     where cancel_reason is not null and (status <> 'CANCELLED' or char_length(cancel_reason) > 500 or cancel_reason ~ '^[[:space:]]*$')`,
  'an attendance threshold is 1 to 100 percent': `
    select id, attendance_threshold_percent from meetings where attendance_threshold_percent not between 1 and 100`,
  'a meeting’s instructor is an instructor or an admin': `
    select m.id, u.role from meetings m left join users u on u.id = m.instructor_id
     where u.id is null or u.role not in ('INSTRUCTOR', 'ADMIN')`,
  'a meeting’s version is positive': `select id, version from meetings where version < 1`,
  'room names are unguessable and unique': `
    select room_name, count(*) from meetings group by room_name having count(*) > 1 or room_name !~ '^amphi-[0-9a-f]{40}$'`,
  'one participant row per meeting and user': `
    select meeting_id, user_id, count(*) from meeting_participants group by meeting_id, user_id having count(*) > 1`,
  'participants are students': `
    select p.id, u.role from meeting_participants p left join users u on u.id = p.user_id where u.id is null or u.role <> 'STUDENT'`,
  'every participant belongs to an existing meeting': `
    select p.id from meeting_participants p left join meetings m on m.id = p.meeting_id where m.id is null`,
  'a status matches the answer: INVITED pending, ACCEPTED accepted, DECLINED declined': `
    select id, status, rsvp from meeting_participants
     where (status = 'INVITED' and rsvp <> 'PENDING') or (status = 'ACCEPTED' and rsvp <> 'ACCEPTED') or (status = 'DECLINED' and rsvp <> 'DECLINED')`,
  'an answer has a time, and only an answer': `
    select id, rsvp, responded_at from meeting_participants where (rsvp = 'PENDING') <> (responded_at is null)`,
  'PRESENT means joined': `select id, status, joined_at from meeting_participants where status = 'PRESENT' and joined_at is null`,
  'attended seconds are never negative': `select id, attended_seconds from meeting_participants where attended_seconds < 0`,
  'someone left or was seen only after joining': `
    select id, joined_at, left_at, last_seen_at, present_since from meeting_participants
     where joined_at is null and (left_at is not null or last_seen_at is not null or present_since is not null or attended_seconds > 0)`,
  'nobody leaves before first joining': `select id, joined_at, left_at from meeting_participants where left_at < joined_at`,
  'someone in the room is PRESENT, in a live meeting': `
    select p.id, p.status, m.status as meeting_status from meeting_participants p join meetings m on m.id = p.meeting_id
     where p.present_since is not null and (p.status <> 'PRESENT' or m.status <> 'LIVE')`,
  'after the end, everyone is PRESENT or ABSENT': `
    select p.id, p.status from meeting_participants p join meetings m on m.id = p.meeting_id
     where m.status = 'ENDED' and p.status not in ('PRESENT', 'ABSENT')`,
  'ABSENT only once the meeting has ended': `
    select p.id, m.status from meeting_participants p join meetings m on m.id = p.meeting_id
     where p.status = 'ABSENT' and m.status <> 'ENDED'`,
  'nobody attended a meeting that never went live': `
    select p.id, p.status, p.joined_at, p.attended_seconds from meeting_participants p join meetings m on m.id = p.meeting_id
     where m.status in ('SCHEDULED', 'CANCELLED') and (p.status in ('PRESENT', 'ABSENT') or p.joined_at is not null or p.attended_seconds > 0)`,
  'nobody attended longer than the meeting was live (a second of rounding per visit aside)': `
    select p.id, p.attended_seconds, m.started_at, m.ended_at from meeting_participants p join meetings m on m.id = p.meeting_id
     where m.status = 'ENDED' and p.attended_seconds > extract(epoch from m.ended_at - m.started_at) + 60`,
  'emails are lower-case, trimmed and unique': `
    select email from users where email <> lower(email) or email <> btrim(email)
    union all select email from users group by email having count(*) > 1`,
  'a display name has 1 to 100 characters, is not blank and is trimmed': `
    select id, display_name from users
     where char_length(display_name) not between 1 and 100 or display_name ~ '^[[:space:]]*$' or display_name ~ '^[ \\t\\n\\r]|[ \\t\\n\\r]$'`,
  'a password is stored as an argon2id hash': `select id from users where password_hash !~ '^\\$argon2id\\$'`,
  'every event is about an existing meeting': `
    select e.id, e.meeting_id from meeting_events e left join meetings m on m.id = e.meeting_id where m.id is null`,
  'participant events name the participant and the student; meeting events do not': `
    select id, type, participant_id, user_id from meeting_events
     where (type in ('INVITED', 'UNINVITED', 'PARTICIPANT_UPDATED')) <> (participant_id is not null and user_id is not null)
        or (type not in ('INVITED', 'UNINVITED', 'PARTICIPANT_UPDATED') and (participant_id is not null or user_id is not null))`,
  'a meeting’s first event is its one CREATED': `
    select meeting_id, count(*) filter (where type = 'CREATED') as created, min(id) filter (where type = 'CREATED') as created_id, min(id) as first_id
      from meeting_events group by meeting_id
    having count(*) filter (where type = 'CREATED') <> 1 or min(id) filter (where type = 'CREATED') <> min(id)`,
  'every meeting has its events: STARTED, ENDED and CANCELLED once each, as its status says, in order': `
    select m.id, m.status, e.started, e.ended, e.cancelled from meetings m
      left join lateral (
        select count(*) filter (where type = 'CREATED') as created,
               count(*) filter (where type = 'STARTED') as started,
               count(*) filter (where type = 'ENDED') as ended,
               count(*) filter (where type = 'CANCELLED') as cancelled,
               min(id) filter (where type = 'STARTED') as started_id,
               min(id) filter (where type = 'ENDED') as ended_id
          from meeting_events where meeting_id = m.id) e on true
     where e.created <> 1
        or e.started <> (case when m.status in ('LIVE', 'ENDED') then 1 else 0 end)
        or e.ended <> (case when m.status = 'ENDED' then 1 else 0 end)
        or e.cancelled <> (case when m.status = 'CANCELLED' then 1 else 0 end)
        or e.ended_id < e.started_id`,
  'an uninvited participant is gone, for good': `
    select e.id, e.participant_id from meeting_events e join meeting_participants p on p.id = e.participant_id
     where e.type = 'UNINVITED'`,
  'participant events are about students of that meeting': `
    select e.id, e.type from meeting_events e
      left join users u on u.id = e.user_id
      left join meeting_participants p on p.id = e.participant_id
     where e.type in ('INVITED', 'PARTICIPANT_UPDATED', 'UNINVITED')
       and (u.id is null or u.role <> 'STUDENT' or (p.id is not null and (p.meeting_id <> e.meeting_id or p.user_id <> e.user_id)))`,
  'event ids are unique and positive': `select id, count(*) from meeting_events group by id having count(*) > 1 or id < 1`,
} satisfies Record<string, string>;

export type InvariantName = keyof typeof DATABASE_INVARIANTS;

export interface InvariantViolation {
  invariant: InvariantName;
  rows: unknown[];
}

export async function invariantViolations(em: EntityManager): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];
  for (const [invariant, sql] of Object.entries(DATABASE_INVARIANTS) as Array<[InvariantName, string]>) {
    const rows = await em.execute(sql);
    if (rows.length) violations.push({ invariant, rows: rows.slice(0, 5) });
  }
  return violations;
}
