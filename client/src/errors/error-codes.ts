import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

/** How the client reacts to a failure, from the server's `extensions.code` (or the lack of an answer). */
export type ErrorKind = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'NETWORK' | 'UNEXPECTED';

const ROUTED_CODES = new Set<ErrorKind>(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT']);

interface FormattedError {
  message: string;
  extensions?: Record<string, unknown>;
}

function firstGraphQLError(error: unknown): FormattedError | undefined {
  return CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
}

export function errorKind(error: unknown): ErrorKind {
  const graphQLError = firstGraphQLError(error);
  if (graphQLError) {
    const code = graphQLError.extensions?.code as ErrorKind | undefined;
    return code && ROUTED_CODES.has(code) ? code : 'UNEXPECTED';
  }
  if (ServerError.is(error)) return error.statusCode === 401 ? 'UNAUTHENTICATED' : 'UNEXPECTED';
  return 'NETWORK';
}

/** The server's own explanation, written for people (English). */
export function serverMessage(error: unknown): string | undefined {
  return firstGraphQLError(error)?.message;
}

/**
 * BAD_USER_INPUT problems by form field: `extensions.fields` lists them all, `extensions.field` names
 * the first. Input paths such as `input.title` are reduced to the field's own name.
 */
export function fieldProblems(error: unknown): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return problems;
  for (const graphQLError of error.errors) {
    if (graphQLError.extensions?.code !== 'BAD_USER_INPUT') continue;
    const listed = graphQLError.extensions.fields as Array<{ field: string; message: string }> | undefined;
    const named = graphQLError.extensions.field as string | undefined;
    const entries = listed ?? (named ? [{ field: named, message: graphQLError.message }] : []);
    for (const { field, message } of entries) {
      const name = field.split('.').pop() ?? field;
      problems[name] ??= message;
    }
  }
  return problems;
}
