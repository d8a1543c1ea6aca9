import { Client } from 'pg';

/**
 * What PostGraphile needs to serve Amphi's page from the same tables, added to the benchmark database
 * only (Amphi ignores both):
 * - `upcoming_meetings()`: PostGraphile filters connections by equality only, and "upcoming" is a
 *   range. This is the predicate of Amphi's `whenFilter(UPCOMING)` (live, or not ended and not over
 *   yet). A one-SELECT STABLE SQL function is inlined by PostgreSQL, so the meetings' indexes serve
 *   it as they serve Amphi; `+order` lets PostGraphile sort it like a table.
 * - Conditions on `rsvp` and `status`: PostGraphile 5 filters only by indexed columns unless told
 *   otherwise; the accepted and present counts are `totalCount`s of filtered participants.
 */
const ADDITIONS = `
  create or replace function upcoming_meetings() returns setof meetings language sql stable as $$
    select * from meetings where status = 'LIVE' or (status <> 'ENDED' and ends_at > now())
  $$;
  comment on function upcoming_meetings() is E'@behavior +order';
  comment on column meeting_participants.rsvp is E'@behavior +filterBy';
  comment on column meeting_participants.status is E'@behavior +filterBy';
`;

export async function addPostGraphileSchemaAdditions(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(ADDITIONS);
  } finally {
    await client.end();
  }
}
