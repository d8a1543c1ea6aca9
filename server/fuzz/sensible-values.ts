import fc from 'fast-check';
import type { FuzzPools } from './fuzz-world';
import { hostileCursor, hostileDateTime, hostileEventId, hostileId, hostileInt, hostileString, lengthEdge } from './hostile-values';

/**
 * Values a real client would send, read from the pools when drawn (the pools grow as the fuzzing
 * goes), mixed with hostile ones: mostly valid, so that requests get past validation into the rules.
 */
function fromPool(pool: () => readonly string[], fallback: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.nat().chain((index) => {
    const values = pool();
    return values.length ? fc.constant(values[index % values.length]) : fallback;
  });
}

export function meetingId(pools: FuzzPools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fromPool(() => pools.meetingIds, fc.uuid()) },
    { weight: 1, arbitrary: fromPool(() => pools.studentIds, fc.uuid()) },
    { weight: 2, arbitrary: hostileId() },
  );
}

export function studentId(pools: FuzzPools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fromPool(() => pools.studentIds, fc.uuid()) },
    { weight: 1, arbitrary: fromPool(() => pools.staffIds, fc.uuid()) },
    { weight: 1, arbitrary: fromPool(() => pools.meetingIds, fc.uuid()) },
    { weight: 1, arbitrary: hostileId() },
  );
}

export function studentIds(pools: FuzzPools): fc.Arbitrary<string[]> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.array(
        fromPool(() => pools.studentIds, fc.uuid()),
        { maxLength: 5 },
      ),
    },
    { weight: 2, arbitrary: fc.array(studentId(pools), { maxLength: 6 }) },
    { weight: 1, arbitrary: fromPool(() => pools.studentIds, fc.uuid()).map((id) => [id, id, id.toUpperCase()]) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(501, 2000)
        .map((length) => Array.from({ length }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`)),
    },
  );
}

export function cursor(pools: FuzzPools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fromPool(() => pools.cursors, hostileCursor()) },
    { weight: 1, arbitrary: fromPool(() => pools.cursors, hostileCursor()).map((real) => `${real.slice(0, -2)}${real.slice(-1)}`) },
    { weight: 3, arbitrary: hostileCursor() },
  );
}

export function eventId(pools: FuzzPools): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer({ min: -3, max: 3 }).map((offset) => String(Math.max(0, pools.lastEventId + offset))),
    hostileEventId(),
  );
}

/** When a meeting could be: mostly soon enough to start and far enough to be in the future. */
export function scheduledAt(pools: FuzzPools): fc.Arbitrary<string> {
  const from = (minutes: number) => new Date(pools.now().getTime() + minutes * 60_000).toISOString();
  return fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 30 }).map(from) },
    { weight: 3, arbitrary: fc.integer({ min: 31, max: 60 * 24 * 60 }).map(from) },
    { weight: 1, arbitrary: fc.integer({ min: -60 * 24, max: 0 }).map(from) },
    { weight: 2, arbitrary: fc.constant(null).chain(() => hostileDateTime(pools.now())) },
  );
}

export function durationMinutes(): fc.Arbitrary<number> {
  return fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 5, max: 480 }) }, { weight: 2, arbitrary: hostileInt() });
}

export function thresholdPercent(): fc.Arbitrary<number | null> {
  return fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant(null), hostileInt());
}

export function title(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('Linear algebra — lecture 6', 'Office hours', '  padded  ', 'Ünïcödé 🙂 seminar') },
    { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 60 }) },
    { weight: 1, arbitrary: lengthEdge() },
    { weight: 3, arbitrary: hostileString() },
  );
}

export function description(): fc.Arbitrary<string | null> {
  return fc.oneof(fc.constant(null), fc.string({ maxLength: 100 }), lengthEdge(), hostileString());
}

export function displayName(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('New Student', '  Spaced  Name ', 'Zoë 🙂'),
    fc.string({ minLength: 1, maxLength: 30 }),
    lengthEdge(),
    hostileString(),
  );
}

/** A fresh, valid address most of the time (accounts must be unique), an existing or broken one otherwise. */
export function email(pools: FuzzPools): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(fc.nat(), fc.constantFrom('', 'MiXeD.', 'a+b.')).map(([n, prefix]) => `${prefix}fuzz.${n}@Example.test`),
    },
    { weight: 2, arbitrary: fc.emailAddress() },
    { weight: 2, arbitrary: fromPool(() => pools.emails, fc.emailAddress()).map((address) => address.toUpperCase()) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        // Letters whose lower case differs between JavaScript and PostgreSQL's locales, or takes more characters.
        'İstanbul@example.test',
        'ÄBC@example.test',
        'ΑΣ@example.test',
        'ǅemo@example.test',
        'ẞtraße@example.test',
        '\u212Aelvin@example.test',
        'x@localhost',
        'a@b',
        '@b.c',
        'a@@b.c',
        `${'a'.repeat(64)}@${'b'.repeat(250)}.test`,
      ),
    },
    { weight: 2, arbitrary: hostileString() },
  );
}

export function password(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('correct horse battery staple', 'amphi-demo', 'short', '        '),
    fc.string({ minLength: 8, maxLength: 30 }),
    lengthEdge(),
    hostileString(),
  );
}

export function reason(): fc.Arbitrary<string | null> {
  return fc.oneof(fc.constant(null), fc.constantFrom('Instructor is ill', '   '), lengthEdge(), hostileString());
}

export function search(pools: FuzzPools): fc.Arbitrary<string> {
  return fc.oneof(
    fromPool(() => pools.emails, fc.constant('fuzz')).map((address) => address.slice(0, 4)),
    fc.constantFrom('ada', 'ÉTUDIANT', '100%', '_', '\\', '🙂', ' '),
    hostileString(),
  );
}

export function pageSize(): fc.Arbitrary<number> {
  return fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 20 }) }, { weight: 2, arbitrary: hostileInt() });
}

export function version(): fc.Arbitrary<number | null> {
  return fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant(null), hostileInt());
}
