import type { FuzzWorld } from './fuzz-world';
import type { Draw } from './input-properties';

/**
 * Inputs that broke the server once, by property: fast-check runs them first on every run, whatever
 * the seed, so a fixed bug stays fixed. The seed that found each is the one it was found with, on
 * the fuzzer of that day (the generators have changed since; the example is what stays).
 */
export function foundBugs(world: FuzzWorld): Record<string, Draw[]> {
  const instructor = world.persona('instructor');
  const admin = world.persona('admin');
  const tomorrow = new Date(world.pools.now().getTime() + 24 * 3_600_000).toISOString();
  const scheduled = world.meetings['Next week’s lecture'];
  const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
  return {
    createMeeting: [
      // A NUL character reached PostgreSQL, which refused the statement as a protocol error: SERVICE_UNAVAILABLE (FUZZ_SEED=2).
      { persona: instructor, variables: { input: { title: 'a\u0000b', scheduledAt: tomorrow, durationMinutes: 30 } } },
      // validator.js does not count a variation selector after a character, varchar(200) does: INTERNAL_SERVER_ERROR (FUZZ_SEED=3).
      { persona: instructor, variables: { input: { title: `${'🙂'.repeat(200)}\ufe0f`, scheduledAt: tomorrow, durationMinutes: 30 } } },
      { persona: instructor, variables: { input: { title: '❤️'.repeat(101), scheduledAt: tomorrow, durationMinutes: 30 } } },
      // An end past year 9999 cannot be written as PostgreSQL reads it: INTERNAL_SERVER_ERROR (FUZZ_SEED=2).
      { persona: instructor, variables: { input: { title: 'Far', scheduledAt: '9999-12-31T23:59:59.985Z', durationMinutes: 5 } } },
    ],
    updateMeeting: [{ persona: instructor, variables: { id: scheduled, input: { scheduledAt: '9999-12-31T23:59:59.985Z' } } }],
    'startMeeting, endMeeting and cancelMeeting': [
      { persona: instructor, operation: 'cancelMeeting', variables: { id: scheduled, reason: 'ill\u0000' } },
    ],
    users: [{ persona: admin, variables: { role: 'ADMIN', search: 'a\u0000bcmof' } }],
    meetings: [
      // A cursor's date outside years 1–9999, or an id only shaped like a UUID, reached SQL (FUZZ_SEED=1).
      {
        persona: admin,
        variables: { when: 'ALL', first: 5, after: cursor(['-271821-04-20T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']) },
      },
      { persona: admin, variables: { when: 'ALL', after: cursor(['2030-01-01T00:00:00.000Z', '-'.repeat(36)]) } },
    ],
    createUser: [
      // validator.js's isEmail throws on a lone surrogate; the error formatter then threw: "Internal server error" (FUZZ_SEED=9).
      { persona: admin, variables: { input: { email: '\ud800', displayName: 'Lone', role: 'STUDENT', password: 'long enough pw' } } },
      {
        persona: admin,
        variables: { input: { email: 'hearts@example.test', displayName: '❤️'.repeat(100), role: 'STUDENT', password: 'long enough pw' } },
      },
    ],
  };
}
