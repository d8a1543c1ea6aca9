/** An enum value: bare in a query's text, a plain string in variables. */
export class EnumValue {
  constructor(readonly name: string) {}

  toJSON(): string {
    return this.name;
  }
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * A JavaScript value written as a GraphQL literal in a query's text. Strings are written with JSON's
 * escapes, which GraphQL shares (a lone surrogate's escape is refused by the parser: a fine case too).
 */
export function graphqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof EnumValue) return NAME.test(value.name) ? value.name : JSON.stringify(value.name);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(graphqlLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = Object.entries(value).map(([key, inner], index) => `${NAME.test(key) ? key : `k${index}`}: ${graphqlLiteral(inner)}`);
    return `{${fields.join(', ')}}`;
  }
  return JSON.stringify(String(value));
}
