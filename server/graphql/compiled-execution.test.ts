import { ApolloServer } from '@apollo/server';
import { buildSchema, execute, type GraphQLSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compiledExecution, compiledQueries } from './compiled-execution';

const schema: GraphQLSchema = buildSchema(`
  enum Color { RED GREEN }
  input Filter { color: Color! = GREEN, limit: Int! = 2 }
  type Item { id: ID! color: Color! }
  type Query {
    items(color: Color, first: Int! = 10): [Item!]!
    filtered(filter: Filter!): [Item!]!
    failing: Int
  }
  type Mutation { touch: Int }
`);

const ITEMS = [
  { id: '1', color: 'RED' },
  { id: '2', color: 'GREEN' },
  { id: '3', color: 'GREEN' },
];

// buildSchema leaves resolvers out: the default resolver reads them from the root value, which the
// executor does not pass, so they are set on the fields.
const fields = schema.getQueryType()!.getFields();
fields.items.resolve = (_, { color, first }) => ITEMS.filter((item) => !color || item.color === color).slice(0, first);
fields.filtered.resolve = (_, { filter }) => ITEMS.filter((item) => item.color === filter.color).slice(0, filter.limit);
fields.failing.resolve = () => {
  throw new Error('the cause');
};
schema.getMutationType()!.getFields().touch.resolve = () => 1;

async function apollo() {
  const server = new ApolloServer({ gateway: compiledExecution(schema) });
  await server.start();
  return server;
}

async function run(query: string, variables?: Record<string, unknown>) {
  const server = await apollo();
  try {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { status: response.http.status, ...response.body.singleResult };
  } finally {
    await server.stop();
  }
}

describe('compiled execution', () => {
  it('compiles queries, and leaves mutations and input-object variables to graphql-js', () => {
    const compile = compiledQueries(schema);
    const compiledOf = (text: string) => {
      const document = parse(text);
      const operation = document.definitions[0];
      if (operation.kind !== 'OperationDefinition') throw new Error('not an operation');
      return compile(document, operation, null);
    };
    expect(compiledOf('query ($color: Color) { items(color: $color) { id } }')).not.toBeNull();
    expect(compiledOf('mutation { touch }')).toBeNull();
    expect(compiledOf('query ($filter: Filter!) { filtered(filter: $filter) { id } }')).toBeNull();
  });

  it('answers a query as graphql-js does: variables, aliases, fragments, directives', async () => {
    const query = `query ($color: Color, $skip: Boolean!) {
      reds: items(color: $color, first: 1) { ...item }
      all: items { id @skip(if: $skip) color }
    }
    fragment item on Item { id color }`;
    const variables = { color: 'RED', skip: true };
    const expected = await execute({ schema, document: parse(query), variableValues: variables });
    expect(await run(query, variables)).toMatchObject({ data: expected.data });
    expect(expected.data).toEqual({ reds: [{ id: '1', color: 'RED' }], all: ITEMS.map(({ color }) => ({ color })) });
  });

  it('fills in an input object’s defaults from a variable (graphql-jit alone would refuse it)', async () => {
    const answer = await run('query ($filter: Filter!) { filtered(filter: $filter) { id } }', { filter: {} });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ filtered: [{ id: '2' }, { id: '3' }] });
  });

  it('refuses a bad variable in graphql-js’s words, as BAD_USER_INPUT', async () => {
    const answer = await run('query ($color: Color) { items(color: $color) { id } }', { color: 'BLUE' });
    expect(answer.status).toBe(400);
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Variable "\$color" got invalid value "BLUE"/),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });

  it('hands on a resolver’s error with its message, path and location, coded by Apollo', async () => {
    const answer = await run('{ items { id } failing }');
    expect(answer.data).toEqual({ items: ITEMS.map(({ id }) => ({ id })), failing: null });
    expect(answer.errors).toEqual([
      {
        message: 'the cause',
        path: ['failing'],
        locations: [{ line: 1, column: 16 }],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
  });
});
