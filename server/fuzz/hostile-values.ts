import fc from 'fast-check';

/** Texts chosen to break things: SQL, markup, control and invisible characters, lookalikes, long runs. */
const NASTY_TEXTS = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\ufe0f'.repeat(3),
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦',
  '🙂'.repeat(120),
  '\ud800',
  '\udfff\ud800',
  'İıſK',
  'ß'.repeat(7),
  '\u202eevil',
  "'; drop table users; --",
  "' or '1'='1",
  '" or ""="',
  '1; select pg_sleep(10) --',
  "') union select password_hash from users --",
  '%',
  '_',
  '\\',
  '%_\\%',
  '$1',
  '?',
  ':name',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, sent as plain text on purpose.
  '${process.exit()}',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '../../../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  '__proto__',
  'constructor',
  '{"$ne": null}',
  'true',
  '-1',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'Bearer x',
];

/** Any string, weighted towards the ones that break parsers, validators, collations and columns. */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_TEXTS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 1, arbitrary: lengthEdge() },
    { weight: 1, arbitrary: hugeString() },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY_TEXTS), fc.string({ maxLength: 10 })).map(([nasty, text]) => nasty + text) },
  );
}

/** Strings around the limits of the columns and validators (100, 200, 320, 500, 5000). */
export function lengthEdge(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(1, 51, 99, 100, 101, 199, 200, 201, 254, 255, 319, 320, 321, 499, 500, 501, 4999, 5000, 5001),
      // '❤️' is two characters to PostgreSQL and one to validator.js.
      fc.constantFrom('x', 'é', '🙂', '❤️', ' ', '\ufe0f', 'e\u0301', 'ǅ'),
      fc.constantFrom('', 'a', ' ', '\ufe0f', '\u0000'),
    )
    .map(([length, unit, tail]) => unit.repeat(length) + tail);
}

/** Up to ~100 kB: past every field limit, under the request body limit. */
export function hugeString(): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(10_000, 50_000, 100_000), fc.constantFrom('A', 'é', "'", '\\')).map(([length, unit]) => unit.repeat(length));
}

export function hostileInt(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constantFrom(0, -1, 1, 4, 5, 6, 99, 100, 101, 200, 201, 479, 480, 481, 500, 1000, 1_000_000, 2 ** 31 - 1, -(2 ** 31)),
    fc.integer(),
    fc.integer({ min: -1000, max: 1000 }),
  );
}

/** Numbers GraphQL's Int must refuse: out of 32 bits, fractional, not finite once parsed. */
export function nonInt(): fc.Arbitrary<number> {
  return fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e300, 0.5, -0.0001, 3.14, Number.MAX_VALUE, Number.MIN_VALUE);
}

/** Ids that are not ids of anything: malformed, or well-formed but unknown. */
export function hostileId(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.uuid(),
    fc.uuid().map((uuid) => uuid.toUpperCase()),
    fc.uuid().map((uuid) => `${uuid} `),
    fc.uuid().map((uuid) => uuid.replace(/-/g, '')),
    fc.uuid().map((uuid) => `{${uuid}}`),
    fc.constantFrom('0', '-1', '1', '9'.repeat(40), '00000000-0000-0000-0000-000000000000', 'undefined', 'null', ''),
    // Shaped like ids to a loose check, not to PostgreSQL's uuid type.
    fc.constantFrom('-'.repeat(36), 'a'.repeat(36), '00000000-0000-0000-0000-00000000000g', '0000-0000-0000-0000-0000-0000-000000'),
    hostileString(),
  );
}

/** Event ids for afterEventId: numbers around the log's, too big, negative, not numbers. */
export function hostileEventId(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: 100_000 }).map(String),
    fc.constantFrom('0', '-1', '1.5', '1e3', '9007199254740993', '999999999999999', '9999999999999999', '0x10', ' 1'),
    hostileString(),
  );
}

function base64Url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** Cursors a client could forge: MikroORM's base64url JSON with wrong shapes, dates out of range, junk. */
export function hostileCursor(): fc.Arbitrary<string> {
  const forgedValue = fc.oneof(
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    fc.constantFrom('1', 'May 5', '2020-01-01 junk', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '0000-01-01T00:00:00Z'),
    fc.constantFrom('-000001-01-01T00:00:00.000Z', '+010000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '0001-01-01T00:00:00.000Z'),
    fc.integer(),
    fc.constant(null),
    hostileString(),
  );
  return fc.oneof(
    fc.tuple(forgedValue, fc.oneof(fc.uuid(), hostileId())).map((values) => base64Url(JSON.stringify(values))),
    fc.array(forgedValue, { maxLength: 4 }).map((values) => base64Url(JSON.stringify(values))),
    fc.jsonValue({ maxDepth: 2 }).map((value) => base64Url(JSON.stringify(value))),
    fc.string({ maxLength: 60 }).map(base64Url),
    hostileString(),
  );
}

/** Date-times the scalar accepts but the rules or the columns may not: far past and future, year 9999, odd offsets. */
export function hostileDateTime(now: Date): fc.Arbitrary<string> {
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
  return fc.oneof(
    fc.integer({ min: -10 * 365 * 86_400_000, max: 10 * 365 * 86_400_000 }).map(at),
    fc.constantFrom(-1, 0, 1, 1000, 60_000).map(at),
    fc
      .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
      .map((date) => date.toISOString()),
    fc.constantFrom(
      '9999-12-31T23:59:59Z',
      '9999-12-31T16:00:00Z',
      '9999-12-31T23:59:59.999+14:00',
      '0001-01-01T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '2100-02-29T00:00:00Z',
      '2096-02-29T12:00:00-12:00',
      '2030-01-01T00:00:00.123456789Z',
      '2030-01-01T24:00:00Z',
      '2030-13-01T00:00:00Z',
      '2030-01-01',
      '2030-01-01T00:00:00',
      '2030-01-01T00:00:00+25:00',
      '+275760-09-13T00:00:00.000Z',
      'now',
      '',
    ),
    hostileString(),
  );
}

/** A JSON value of the wrong type for whatever it is sent as. */
export function wrongTypeValue(): fc.Arbitrary<unknown> {
  return fc.oneof(fc.constantFrom(null, true, false, 0, -1, 1.5, 1e300, '', [], {}, [null], { id: 1 }, '1', 'ACCEPT'), fc.jsonValue({ maxDepth: 3 }));
}
