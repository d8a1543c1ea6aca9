import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  execute,
  getNamedType,
  getVariableValues,
  isInputObjectType,
  typeFromAST,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { DomainError } from '../platform/errors';
import { extensionsOf, withDomainErrorsCoded } from './errors';
import { cachedIn } from '../platform/cache';

/**
 * Runs HTTP queries with graphql-jit: each query is compiled once into a function that calls its
 * resolvers without graphql-js's per-field interpretation, which took a fifth of the CPU of a page
 * of meetings (thousands of fields). Apollo Server 4+ accepts a custom executor only through its
 * gateway interface, so this is a "gateway" serving the one local schema.
 *
 * Where graphql-jit's behaviour differs from graphql-js, graphql-js runs:
 * - mutations (one resolver each, and the writes' error handling stays exactly as tested);
 * - queries with input-object variables (graphql-jit does not fill in their fields' defaults);
 * - anything graphql-jit cannot compile.
 * Variables are first checked by graphql-js, so a bad one is refused in its words (Apollo codes
 * those BAD_USER_INPUT), and errors are handed on as graphql-js GraphQLErrors, a domain error with its code.
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const compile = compiledQueries(schema);
  const executor: GatewayExecutor = async ({ document, operation, operationName, context, request }) => {
    const variables = request.variables ?? {};
    const query = compile(document, operation, operationName);
    if (!query) return coded(await execute({ schema, document, operationName, variableValues: variables, contextValue: context }));
    const refused = getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors;
    if (refused) return { errors: refused };
    const result: ExecutionResult = await query.query(undefined, context, variables);
    return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}

/** The compiled query for an operation, or null where graphql-js runs it; compiled once per parsed document. */
export function compiledQueries(schema: GraphQLSchema) {
  // Apollo's document store hands back the same parsed document for the same text.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  return (document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null): CompiledQuery | null => {
    const operations = cachedIn(compiled, document, () => new Map<string, CompiledQuery | null>());
    return cachedIn(operations, operationName ?? '', () => (compilable(schema, operation) ? compiledOrNull(schema, document, operationName) : null));
  };
}

function compilable(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  return (operation.variableDefinitions ?? []).every((definition) => {
    const type = typeFromAST(schema, definition.type);
    return type !== undefined && !isInputObjectType(getNamedType(type));
  });
}

function compiledOrNull(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): CompiledQuery | null {
  const result = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
  return isCompiledQuery(result) ? result : null;
}

function coded(result: ExecutionResult): ExecutionResult {
  return result.errors ? { ...result, errors: withDomainErrorsCoded(result.errors) } : result;
}

/**
 * graphql-jit's errors inherit from GraphQLError but leave `extensions` undefined when the cause has
 * none, which Apollo's error formatting does not expect.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.originalError instanceof DomainError ? extensionsOf(error.originalError) : error.extensions,
  });
  // graphql-jit keeps the locations, not the AST nodes graphql-js would compute them from.
  Object.defineProperty(converted, 'locations', { value: error.locations, enumerable: error.locations !== undefined });
  return converted;
}
