import { ERROR_CODES } from '../errors';
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
    else if (code === 'SERVICE_UNAVAILABLE')
      problems.push(`SERVICE_UNAVAILABLE while the database is up, at ${JSON.stringify(error.path ?? [])}`);
    else if (!(ERROR_CODES as readonly string[]).includes(code)) problems.push(`a code outside the allow-list: ${code}`);
    const internalKeys = Object.keys(error.extensions ?? {}).filter((key) => INTERNAL_EXTENSION_KEYS.has(key));
    if (internalKeys.length) problems.push(`internal extensions ${internalKeys.join(', ')}: ${JSON.stringify(error.extensions)}`);
    const leak = leakedInternal(`${error.message}\n${JSON.stringify(error.extensions ?? {})}`, echoes);
    if (leak) problems.push(`${leak} in ${JSON.stringify(error)}`);
  }
  return problems;
}

/** Every string in a request's variables (keys included) and in its query's string literals. */
export function textsOf(query: string, variables: unknown): string[] {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
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
