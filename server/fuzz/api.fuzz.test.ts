import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../composition/schema';
import { startTestServer, type TestServer } from '../testing/test-server';
import { CheckedClient } from './checked-client';
import { CheckedSubscriptions } from './checked-subscriptions';
import { DATABASE_CORRUPTIONS } from './database-corruptions';
import { invariantViolations } from './database-invariants';
import { DEFAULT_RUNS, fuzzSettings, MINIMUM_DEFAULT_CASES, replayHint, seedFor } from './fuzz-settings';
import { FuzzWorld } from './fuzz-world';
import { foundBugs } from './found-bugs';
import { type Draw, INPUT_PROPERTIES } from './input-properties';
import { OperationWriter } from './random-operation';
import { attendanceCsvPath, authorizationHeader } from './request-values';

/**
 * Fuzzing (issue 8, point 3): random operations written from the real schema, and fast-check inputs
 * for every mutation, sent as every kind of user. Whatever is asked, the server answers without a 5xx,
 * with allow-listed codes only and no internals, and leaves the database consistent.
 *
 * FUZZ_SEED replays a run (it is printed first); FUZZ_RUNS sets the runs of each property (280 by default:
 * about 5,300 cases); FUZZ_CONCURRENCY the requests in flight (6); FUZZ_SHRINK=1 shrinks a failure.
 */
const settings = fuzzSettings();
console.log(`[fuzz] FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.runs} (${replayHint(settings)})`);

/** Runs of each input property (times its share), and batches of random operations and subscriptions. */
const PROPERTY_RUNS = settings.runs;
const OPERATION_BATCHES = Math.ceil(settings.runs * 1.4);
const SUBSCRIPTION_BATCHES = Math.ceil(settings.runs / 10);
const SLOW = 10 * 60_000;

/** Runs a property; a failure says how to replay it and shows the request that failed (not fast-check's draws). */
async function check<T>(name: string, property: fc.IAsyncPropertyWithHooks<T>, numRuns: number, examples: T[] = []): Promise<void> {
  const seed = seedFor(settings, name);
  const details = await fc.check(property, { seed, numRuns, examples, endOnFailure: process.env.FUZZ_SHRINK !== '1' });
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `[fuzz] ${name} failed at run ${details.numRuns} (fast-check seed ${details.seed}, path "${details.counterexamplePath}"); ${replayHint(settings)}\n${cause}`,
  );
}

describe('fuzzing the API', () => {
  let server: TestServer;
  let world: FuzzWorld;
  let schema: GraphQLSchema;
  let client: CheckedClient;
  let subscriptions: CheckedSubscriptions;

  beforeAll(async () => {
    server = await startTestServer();
    world = await FuzzWorld.create(server);
    schema = await buildAppSchema();
    client = new CheckedClient(world);
    subscriptions = new CheckedSubscriptions(server.url);
  });

  afterAll(async () => {
    console.log(`[fuzz] FUZZ_SEED=${settings.seed}: ${client?.summary()}\n${subscriptions?.summary()}`);
    await subscriptions?.close();
    await server?.stop();
  });

  async function expectConsistentDatabase(): Promise<void> {
    expect(await invariantViolations(server.em()), replayHint(settings)).toEqual([]);
  }

  it(
    'answers random operations written from the schema, from every persona, safely',
    async () => {
      const property = fc.asyncProperty(fc.gen(), async (g) => {
        const writer = new OperationWriter(schema, world.pools, world.personas, g);
        const batch = Array.from({ length: settings.concurrency }, () => writer.write());
        await Promise.all(batch.map((request) => client.send('random operation', request.persona, request.query, request.variables)));
        if (g(fc.integer, { min: 1, max: 100 }) <= 5) await world.letTimePass(g(fc.integer, { min: 1, max: 90 }));
        if (g(fc.integer, { min: 1, max: 100 }) <= 10) await world.refresh();
      });
      await check('random operations', property, OPERATION_BATCHES);
      await expectConsistentDatabase();
    },
    SLOW,
  );

  it(
    'answers random subscriptions over WebSocket, from every persona, safely',
    async () => {
      await world.refresh();
      const property = fc.asyncProperty(fc.gen(), async (g) => {
        const writer = new OperationWriter(schema, world.pools, world.personas, g);
        const batch = Array.from({ length: settings.concurrency }, () => writer.write('subscription'));
        await Promise.all(batch.map((request) => subscriptions.send('random subscription', request.persona, request.query, request.variables)));
      });
      await check('random subscriptions', property, SUBSCRIPTION_BATCHES);
    },
    SLOW,
  );

  describe.concurrent('fast-check inputs of every mutation and query', () => {
    for (const input of INPUT_PROPERTIES) {
      it(
        `${input.name}: safe answers whatever the input`,
        async () => {
          await world.refresh();
          const property = fc.asyncProperty(input.arbitrary(world.pools, world), async (draw) => {
            await client.send(input.name, draw.persona, input.query(draw), draw.variables);
          });
          const examples = (foundBugs(world)[input.name] ?? []).map((draw): [Draw] => [draw]);
          await check(input.name, property, Math.max(10, Math.ceil(PROPERTY_RUNS * input.runsShare)), examples);
        },
        SLOW,
      );
    }
  });

  describe.concurrent('fast-check requests around the operations', () => {
    it(
      'an Authorization header is never ignored: it signs its user in, or is refused with 401',
      async () => {
        const signedIn = world.personas.filter((persona) => persona.role !== null);
        const property = fc.asyncProperty(
          authorizationHeader(() => signedIn.map((persona) => persona.token!)),
          async (authorization) => {
            const response = await client.sendWithAuthorization('Authorization header', authorization, '{ me { id } }');
            const signedInAs = (response.data as { me?: { id: string } | null } | null | undefined)?.me;
            const refused = response.status === 401 && response.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
            const tooLarge = response.status === 431;
            if (!signedInAs && !refused && !tooLarge)
              throw new Error(`Authorization: ${authorization.slice(0, 200)} was neither accepted nor refused: ${JSON.stringify(response)}`);
          },
        );
        await check('Authorization header', property, Math.ceil(PROPERTY_RUNS / 2));
      },
      SLOW,
    );

    it(
      'the attendance export answers any path and persona safely',
      async () => {
        await world.refresh();
        const property = fc.asyncProperty(fc.constantFrom(...world.personas), attendanceCsvPath(world.pools), async (persona, path) => {
          await client.get('attendance.csv', persona, path);
        });
        await check('attendance.csv', property, Math.ceil(PROPERTY_RUNS / 2));
      },
      SLOW,
    );
  });

  it('leaves the database consistent', async () => {
    await expectConsistentDatabase();
  });

  it.runIf(settings.runs === DEFAULT_RUNS)(`ran at least ${MINIMUM_DEFAULT_CASES} cases`, () => {
    expect(client.cases + subscriptions.cases).toBeGreaterThanOrEqual(MINIMUM_DEFAULT_CASES);
  });

  it('every input that once broke the server is pinned to a property that runs it', () => {
    const names = INPUT_PROPERTIES.map((input) => input.name);
    for (const name of Object.keys(foundBugs(world))) expect(names).toContain(name);
  });

  it('the invariants notice a corrupted database', async () => {
    const ROLLBACK = new Error('rollback');
    for (const { invariant, sql } of DATABASE_CORRUPTIONS) {
      let noticed: string[] = [];
      await server
        .em()
        .transactional(async (em) => {
          await em.execute(sql);
          noticed = (await invariantViolations(em)).map((violation) => violation.invariant);
          throw ROLLBACK;
        })
        .catch((error: unknown) => {
          if (error !== ROLLBACK) throw error;
        });
      expect(noticed, sql).toContain(invariant);
    }
    await expectConsistentDatabase();
  });

  describe('bugs the fuzzer found in graphql-js refusals, pinned', () => {
    it('an explicit null for an argument that has a default is BAD_USER_INPUT', async () => {
      const response = await client.send('known bug', world.persona('instructor'), 'query ($first: Int) { users(first: $first) { id } }', {
        first: null,
      });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('a subscription sent over HTTP is refused, not an internal error', async () => {
      const response = await client.send('known bug', world.persona('student 1'), 'subscription { meetingEvents { id } }', {});
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    });

    it('a variable of the wrong type over WebSocket is BAD_USER_INPUT', async () => {
      const outcome = await subscriptions.send(
        'known bug',
        world.persona('student 1'),
        'subscription ($id: ID!) { meetingEvent(meetingId: $id) { id } }',
        { id: [1] },
      );
      expect(outcome).toMatchObject({ kind: 'next', value: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } });
    });
  });
});
