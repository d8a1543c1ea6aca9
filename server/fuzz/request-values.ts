import fc from 'fast-check';
import type { FuzzPools } from './fuzz-world';
import { hostileId } from './hostile-values';

/** Characters a header value may carry over HTTP/1.1 (no control characters, nothing past Latin-1). */
const HEADER_SAFE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Authorization headers around a real token: other schemes, odd spacing and case, the token cut,
 * padded, doubled or tampered with, JWTs with `alg: none`, and junk of every length.
 */
export function authorizationHeader(realTokens: () => readonly string[]): fc.Arbitrary<string> {
  const token = fc.nat().map((index) => realTokens()[index % realTokens().length]);
  const unsigned = (payload: object) =>
    `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
  return fc
    .oneof(
      token.map((value) => `Bearer ${value}`),
      fc
        .tuple(fc.constantFrom('bearer ', 'BEARER ', 'Bearer  ', 'Bearer\t', ' Bearer ', 'Bearer', 'Basic ', 'Token ', 'Bearer Bearer ', ''), token)
        .map(([scheme, value]) => scheme + value),
      fc.tuple(token, fc.constantFrom(' ', 'x', '.', ' extra', '=', '..', '\t')).map(([value, tail]) => `Bearer ${value}${tail}`),
      fc.tuple(token, fc.nat()).map(([value, cut]) => `Bearer ${value.slice(0, cut % value.length)}`),
      token.map((value) => `Bearer ${value.split('.').reverse().join('.')}`),
      token.map((value) => `Bearer ${value}, Bearer ${value}`),
      fc
        .constantFrom({ sub: '00000000-0000-0000-0000-000000000000' }, { sub: "' or 1=1 --" }, { sub: 42 }, {})
        .map((payload) => `Bearer ${unsigned(payload)}`),
      fc.constantFrom(
        'Bearer',
        'Bearer ',
        'null',
        'undefined',
        'Bearer null',
        'Bearer a.b.c',
        'Bearer ....',
        `Bearer ${'A'.repeat(8000)}`,
        'Bearer é',
      ),
      fc.string({ maxLength: 80 }).map((junk) => `Bearer ${junk}`),
      fc.string({ maxLength: 80 }),
    )
    .filter((value) => value.trim() !== '' && HEADER_SAFE.test(value));
}

/**
 * Paths of the attendance export: real meetings, other ids, and encodings meant to confuse the router
 * (not `..` nor an empty id, which lead to other routes).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function attendanceCsvPath(pools: FuzzPools): fc.Arbitrary<string> {
  const meetingId = fc.nat().map((index) => pools.meetingIds[index % pools.meetingIds.length]);
  return fc.oneof(
    { weight: 4, arbitrary: meetingId.map((id) => `/meetings/${id}/attendance.csv`) },
    {
      weight: 2,
      // A lone surrogate cannot be percent-encoded at all (encodeURIComponent throws): not a path anyone can send.
      arbitrary: hostileId()
        .filter((id) => id !== '' && !LONE_SURROGATE.test(id))
        .map((id) => `/meetings/${encodeURIComponent(id)}/attendance.csv`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '/meetings/%zz/attendance.csv',
        '/meetings/%00/attendance.csv',
        '/meetings/%2e%2e%2f%2e%2e/attendance.csv',
        `/meetings/${'a'.repeat(5000)}/attendance.csv`,
        '/meetings/%E0%A4%A/attendance.csv',
      ),
    },
  );
}
