import { Kind, parse, print, visit, type ValueNode } from 'graphql';
import { inspect } from 'graphql/jsutils/inspect';
import { ERROR_CODES } from '../graphql/errors';
import type { GraphQLResponse } from '../testing/test-server';
import { leakedInternal } from './leaked-internals';

/** Extensions that carry internals wherever they appear (their content is also scanned, like messages). */
const INTERNAL_EXTENSION_KEYS = new Set([
  'stacktrace',
  'exception',
  'originalError',
  'sql',
  'sqlMessage',
  'query',
  'parameters',
  'driverError',
  'cause',
  'errno',
]);

/**
 * Everything wrong with a response, whatever was asked: a 5xx, a code outside the allow-list (or
 * INTERNAL_SERVER_ERROR, which means the fuzzer found an unexpected error, or SERVICE_UNAVAILABLE, as
 * the database never goes away while fuzzing), internals in a message or an extension. `echoes` are
 * the texts the request carried, which messages may quote back.
 */
export function responseProblems(response: GraphQLResponse, echoes: readonly string[] = []): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`HTTP ${response.status}`);
  if (response.status === 0) problems.push('no HTTP response');
  if (response.errors === undefined && response.data === undefined) problems.push('neither data nor errors');
  for (const error of response.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string') problems.push(`an error without a code: ${JSON.stringify(error)}`);
    else if (code === 'INTERNAL_SERVER_ERROR') problems.push(`INTERNAL_SERVER_ERROR at ${JSON.stringify(error.path ?? [])}`);
    // The database is up throughout the fuzzing: an "outage" is a request the database refused, misread.
    else if (code === 'SERVICE_UNAVAILABLE') problems.push(`SERVICE_UNAVAILABLE while the database is up, at ${JSON.stringify(error.path ?? [])}`);
    else if (!(ERROR_CODES as readonly string[]).includes(code)) problems.push(`a code outside the allow-list: ${code}`);
    const internalKeys = Object.keys(error.extensions ?? {}).filter((key) => INTERNAL_EXTENSION_KEYS.has(key));
    if (internalKeys.length) problems.push(`internal extensions ${internalKeys.join(', ')}: ${JSON.stringify(error.extensions)}`);
    const leak = leakedInternal(`${error.message}\n${JSON.stringify(error.extensions ?? {})}`, echoes);
    if (leak) problems.push(`${leak} in ${JSON.stringify(error)}`);
  }
  return problems;
}

/**
 * Every string in a request's variables (keys included) and in its query's string literals, and its
 * compound values as graphql-js quotes them back: variables through `inspect`, literals through
 * `print` (a key like `Pg` inside an echoed object is the client's text, not the driver's name).
 */
export function textsOf(query: string, variables: unknown): string[] {
  const texts: string[] = [...printedLiterals(query)];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) {
      texts.push(inspect(value));
      value.forEach(walk);
    } else if (value && typeof value === 'object') {
      texts.push(inspect(value));
      for (const [key, inner] of Object.entries(value)) {
        texts.push(key);
        walk(inner);
      }
    }
  };
  walk(variables);
  for (const match of query.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    texts.push(match[1]);
    try {
      texts.push(JSON.parse(`"${match[1]}"`) as string);
    } catch {
      // Not JSON-compatible escapes: the raw literal is enough.
    }
  }
  return texts;
}

const COMPOUND_LITERALS = new Set<string>([Kind.OBJECT, Kind.LIST, Kind.ENUM]);

function printedLiterals(query: string): string[] {
  const printed: string[] = [];
  try {
    visit(parse(query), {
      enter(node) {
        if (COMPOUND_LITERALS.has(node.kind)) printed.push(print(node as ValueNode));
      },
    });
  } catch {
    // A query that does not parse has no literals to collect: the string literals above are enough.
  }
  return printed;
}
