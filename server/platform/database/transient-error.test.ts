import { createServer } from 'node:net';
import { GraphQLError } from 'graphql';
import { Client, DatabaseError } from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { conflict } from '../errors';
import { isTransientDatabaseError } from './transient-error';

const serverUrl = inject('databaseServerUrl');
const clients: Client[] = [];

async function connected(): Promise<Client> {
  const client = new Client({ connectionString: serverUrl });
  client.on('error', () => {});
  clients.push(client);
  await client.connect();
  return client;
}

function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected the database to fail'),
    (error: unknown) => error,
  );
}

function serverError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, 0, 'error');
  error.code = code;
  return error;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.end().catch(() => {})));
});

describe('which database failures are worth a retry', () => {
  it('a connection the server terminated (57P01 admin_shutdown)', async () => {
    const victim = await connected();
    const { rows } = await victim.query<{ pid: number }>('select pg_backend_pid() as pid');
    const sleeping = failureOf(victim.query('select pg_sleep(10)'));
    await (await connected()).query('select pg_terminate_backend($1)', [rows[0].pid]);
    const error = await sleeping;
    expect(error).toMatchObject({ code: '57P01' });
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it('a refused connection (nothing listens on the port)', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const client = new Client({ host: '127.0.0.1', port, user: 'nobody', database: 'none' });
    const error = await failureOf(client.connect());
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it('a deadlock (40P01)', async () => {
    const [first, second] = [await connected(), await connected()];
    await Promise.all([first.query('begin'), second.query('begin')]);
    await first.query('select pg_advisory_xact_lock(8001)');
    await second.query('select pg_advisory_xact_lock(8002)');
    const outcomes = await Promise.allSettled([
      first.query('select pg_advisory_xact_lock(8002)'),
      second.query('select pg_advisory_xact_lock(8001)'),
    ]);
    const failure = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason).toMatchObject({ code: '40P01' });
    expect(isTransientDatabaseError(failure.reason)).toBe(true);
  });

  it.each([
    ['a serialization failure', serverError('40001', 'could not serialize access due to concurrent update')],
    ['a broken connection (class 08)', serverError('08006', 'connection failure')],
    ['too many connections', serverError('53300', 'sorry, too many clients already')],
    ['a database still starting', serverError('57P03', 'the database system is starting up')],
    ['a statement timeout', serverError('57014', 'canceling statement due to statement timeout')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['no connection within the connect timeout', new Error('timeout exceeded when trying to connect')],
    [
      'a failure wrapped by GraphQL',
      new GraphQLError('Context creation failed: x', { originalError: serverError('57P01', 'terminating connection') }),
    ],
    ['a failure given as a cause', new Error('query failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNRESET' }) })],
  ])('%s', (_name, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it('not a constraint violation or a syntax error: retrying would fail the same way', async () => {
    const client = await connected();
    await client.query('create temporary table once (id int primary key)');
    await client.query('insert into once values (1)');
    const duplicate = await failureOf(client.query('insert into once values (1)'));
    const syntax = await failureOf(client.query('selec 1'));
    expect(duplicate).toMatchObject({ code: '23505' });
    expect(syntax).toMatchObject({ code: '42601' });
    expect(isTransientDatabaseError(duplicate)).toBe(false);
    expect(isTransientDatabaseError(syntax)).toBe(false);
  });

  it('not an application error or a plain bug', () => {
    expect(isTransientDatabaseError(conflict('The meeting already started'))).toBe(false);
    expect(isTransientDatabaseError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isTransientDatabaseError(undefined)).toBe(false);
  });
});
