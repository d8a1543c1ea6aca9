import { expect } from 'vitest';
import type { GraphQLResponse } from './test-server';

/** The response's data, after checking that it carries no error. */
export function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

/** The first error has this code, and names this field when one is given. */
export function expectError(response: GraphQLResponse, code: string, field?: string): void {
  expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response.errors)).toBe(code);
  if (field) expect(response.errors?.[0]?.extensions?.field).toBe(field);
}
