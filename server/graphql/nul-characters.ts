import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { badUserInput } from '../platform/errors';

const NUL = '\u0000';

/** The name of the first argument or input field holding a string with a NUL character, or null. */
function fieldWithNul(value: unknown, field: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? field : null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = fieldWithNul(item, field);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = fieldWithNul(inner, key);
      if (found) return found;
    }
  }
  return null;
}

function refusingNul<T extends GraphQLFieldResolver<unknown, unknown>>(resolver: T): T {
  return ((source, args, context, info) => {
    for (const [name, value] of Object.entries(args ?? {})) {
      const field = fieldWithNul(value, name);
      if (field) throw badUserInput(field, `${field} must not contain the NUL character`);
    }
    return resolver(source, args, context, info);
  }) as T;
}

/**
 * PostgreSQL cannot store the NUL character in text and refuses the whole statement (as a protocol
 * error, which would read as an outage), so every query, mutation and subscription refuses arguments
 * containing one as bad input before its resolver runs. Only root fields take arguments here.
 */
export function refuseNulCharacters(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (field.args.length === 0) continue;
      if (field.resolve) field.resolve = refusingNul(field.resolve);
      if (field.subscribe) field.subscribe = refusingNul(field.subscribe);
    }
  }
  return schema;
}
