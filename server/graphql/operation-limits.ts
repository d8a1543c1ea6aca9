import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type DocumentNode, GraphQLError, type GraphQLSchema, parse, specifiedRules, validate, type ValidationRule } from 'graphql';
import type { AppConfig } from '../platform/config';
import { cachedIn } from '../platform/cache';

export interface OperationLimits {
  /** For Apollo Server: depth, cost, aliases and directives refused before execution. */
  apollo: ReturnType<ApolloArmor['protect']>;
  /**
   * graphql-js's own token limit, for Apollo's `parseOptions`: an oversized document is a 400 parse
   * failure (armor's max-tokens plugin throws during parsing, which Apollo answers with a 500).
   */
  parseOptions: { maxTokens: number };
  /**
   * The same checks for operations arriving over WebSocket, which graphql-ws parses and validates
   * itself: the document, or the errors to answer with (coded like Apollo's).
   */
  check(schema: GraphQLSchema, query: string): DocumentNode | readonly GraphQLError[];
}

const SUGGESTION = /\s*Did you mean .+\?/g;

/** Distinct accepted operation texts remembered; the oldest is forgotten first. */
const ACCEPTED_DOCUMENTS_KEPT = 1000;

export function createOperationLimits(config: Pick<AppConfig, 'environment' | 'limits'>): OperationLimits {
  const { limits } = config;
  const production = config.environment === 'production';
  const apollo = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    costLimit: { maxCost: limits.maxCost },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: 20 },
    maxTokens: { enabled: false },
    // Suggestions help while developing; in production they would map the schema for an attacker.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  const rules: ValidationRule[] = [...specifiedRules, ...apollo.validationRules];
  const coded = (code: string) => (error: GraphQLError) =>
    new GraphQLError(production ? error.message.replace(SUGGESTION, '') : error.message, {
      nodes: error.nodes,
      extensions: { code },
    });

  // Thousands of WebSocket clients subscribe with the same text: parse and validate it once, and let
  // them share the document (graphql-js never changes one). Only accepted documents are kept.
  const accepted = new WeakMap<GraphQLSchema, Map<string, DocumentNode>>();
  const remember = (schema: GraphQLSchema, query: string, document: DocumentNode) => {
    const documents = cachedIn(accepted, schema, () => new Map<string, DocumentNode>());
    if (documents.size >= ACCEPTED_DOCUMENTS_KEPT) documents.delete(documents.keys().next().value!);
    documents.set(query, document);
    return document;
  };

  return {
    apollo,
    parseOptions: { maxTokens: limits.maxTokens },
    check(schema, query) {
      const known = accepted.get(schema)?.get(query);
      if (known) return known;
      let document: DocumentNode;
      try {
        document = parse(query, { maxTokens: limits.maxTokens });
      } catch (error) {
        return [coded('GRAPHQL_PARSE_FAILED')(error instanceof GraphQLError ? error : new GraphQLError('Syntax Error'))];
      }
      let errors: readonly GraphQLError[];
      try {
        errors = validate(schema, document, rules);
      } catch (error) {
        // graphql-js's subscription rule evaluates directives and throws on invalid ones.
        if (!(error instanceof GraphQLError)) throw error;
        errors = [error];
      }
      return errors.length > 0 ? errors.map(coded('GRAPHQL_VALIDATION_FAILED')) : remember(schema, query, document);
    },
  };
}
