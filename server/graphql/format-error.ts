import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { OptimisticLockError } from '@mikro-orm/core';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import type { Logger } from 'pino';
import { transientCause } from '../platform/database/transient-error';
import { DomainError, serviceUnavailable } from '../platform/errors';
import { currentLogger } from '../platform/logging';
import { ERROR_CODES, type ErrorCode, extensionsOf } from './errors';

interface FieldProblem {
  field: string;
  message: string;
}

function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

const ALLOWED = new Set<string>(ERROR_CODES);

/**
 * graphql-js's own refusals of a request's variables and arguments (Apollo codes them over HTTP;
 * graphql-ws does not): no code, and no cause but, for scalars, another GraphQLError.
 */
function isInputRefusedByGraphqlJs(error: unknown): boolean {
  return (
    error instanceof GraphQLError &&
    error.extensions.code === undefined &&
    (error.originalError === undefined || error.originalError instanceof GraphQLError)
  );
}

/** A domain error's extensions as a client sees them: the HTTP head is Apollo's to apply, not to show. */
function visibleExtensionsOf(error: DomainError): Record<string, unknown> {
  const { http: _http, ...visible } = extensionsOf(error);
  return visible;
}

/**
 * What a client may see of an error: a stable code and a human message. Validation failures name
 * their fields; a database outage is SERVICE_UNAVAILABLE with `retryable: true`; anything
 * unexpected is logged and answered as INTERNAL_SERVER_ERROR. Never a stack, SQL or ORM text.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };
    if (original instanceof ArgumentValidationError && Array.isArray(original.extensions.validationErrors)) {
      const fields = fieldProblems(original.extensions.validationErrors as ValidationError[]);
      return {
        ...base,
        message: fields[0]?.message ?? 'Invalid input',
        extensions: { code: 'BAD_USER_INPUT', field: fields[0]?.field, fields },
      };
    }
    if (original instanceof OptimisticLockError) {
      return { ...base, message: 'The meeting was changed at the same time; try again', extensions: { code: 'CONFLICT' } };
    }
    const cause = transientCause(error);
    if (cause) {
      currentLogger(logger).warn({ cause, path: formatted.path }, 'database unavailable: answered SERVICE_UNAVAILABLE');
      const unavailable = serviceUnavailable();
      return { ...base, message: unavailable.message, extensions: visibleExtensionsOf(unavailable) };
    }
    if (original instanceof DomainError) return { ...base, message: original.message, extensions: visibleExtensionsOf(original) };
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && ALLOWED.has(code)) {
      const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code: code as ErrorCode } };
    }
    if (isInputRefusedByGraphqlJs(original)) {
      return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    currentLogger(logger).error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
    return { ...base, message: 'Something went wrong on our side; try again later', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
