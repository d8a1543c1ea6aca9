/** What a client must never read in an error: signs of the stack, the files, the SQL or the ORM behind it. */
const INTERNALS: Array<{ name: string; pattern: RegExp }> = [
  { name: 'a stack frame', pattern: /\n\s*at \S|\bat [\w$.<>]+ \(.*:\d+:\d+\)/ },
  { name: 'a file path', pattern: /\/work\/|\/home\/|\/tmp\/|node_modules|file:\/\/|\.[cm]?[jt]s:\d+/ },
  { name: 'SQL', pattern: /\bselect\s.*\bfrom\b|\binsert into\b|\bupdate\s+"?\w+"?\s+set\b|\bdelete from\b|\breturning\b\s+"/i },
  {
    name: 'a PostgreSQL message',
    pattern:
      /syntax error at or near|violates|duplicate key|invalid input syntax|invalid byte sequence|value too long|out of range|relation "|column "|\bpostgres(ql)?\b/i,
  },
  {
    name: 'the ORM or the driver',
    pattern: /mikro-?orm|\bknex\b|\bpg\b|DriverException|ConstraintViolation|\w+Exception\b|ECONNREFUSED|ETIMEDOUT/i,
  },
  {
    name: 'a constraint or table name',
    pattern: /\b\w+_(unique|foreign|check|pkey|fkey|key|index|lowercase)\b|\bmeeting_(participants|events)\b/i,
  },
  {
    name: 'a JavaScript error',
    pattern: /\b(TypeError|ReferenceError|RangeError|SyntaxError)\b|Cannot read propert|is not a function|undefined is not|\[object Object\]/,
  },
];

/**
 * The texts a client sent come back in some messages ("Expected type Int, found …"); they are removed
 * before looking, in the forms graphql-js quotes them, so that echoing a hostile input is not a leak.
 */
function withoutEchoes(text: string, echoes: readonly string[]): string {
  let rest = text;
  const forms = echoes
    // A text shorter than 3 characters is removed only where quoted: bare, it would match anywhere.
    .flatMap((echo) => (echo.length >= 3 ? [JSON.stringify(echo), JSON.stringify(echo).slice(1, -1), echo] : [JSON.stringify(echo)]))
    .sort((a, b) => b.length - a.length);
  for (const form of forms) rest = rest.split(form).join(' ');
  return rest;
}

/** The name of the first kind of internal detail found in `text`, or null. */
export function leakedInternal(text: string, echoes: readonly string[] = []): string | null {
  const rest = withoutEchoes(text, echoes);
  for (const { name, pattern } of INTERNALS) {
    const match = pattern.exec(rest);
    if (match) return `${name} (${JSON.stringify(match[0])})`;
  }
  return null;
}
