import { createSourceEventStream, type DocumentNode, execute, type ExecutionArgs, type ExecutionResult, type GraphQLSchema, print } from 'graphql';
import type { Context } from '../context';
import { managesMeetingsOf } from '../meeting/meeting.policy';
import type { EventDelivery } from './event-delivery';
import { selectsViewerDependentFields } from './viewer-dependent';

/** One execution of an operation for one event and audience; `value` once it has settled. */
interface SharedResult {
  promise: Promise<ExecutionResult>;
  value?: ExecutionResult;
}

const resultsByDelivery = new WeakMap<EventDelivery, Map<string, SharedResult>>();

/** What is worked out once per document (subscribers who sent the same text share one, see operation-limits). */
const operationFacts = new WeakMap<DocumentNode, { printed: string; perViewer: boolean }>();

function factsOf(schema: GraphQLSchema, document: DocumentNode): { printed: string; perViewer: boolean } {
  let facts = operationFacts.get(document);
  if (!facts) operationFacts.set(document, (facts = { printed: print(document), perViewer: selectsViewerDependentFields(schema, document) }));
  return facts;
}

/**
 * graphql-ws's `subscribe`: like graphql-js's, except that the subscribers of one event who sent the
 * same operation and see the same thing share one execution. An operation selecting no
 * viewer-dependent field reads the same for everyone it is delivered to; otherwise managers share
 * one result and each student gets their own.
 *
 * This runs for every subscriber of every event, thousands at once: the keys are built once per
 * subscription, a result already computed is handed over without another await, and results go to
 * the socket through `ctx.sendResult`, which serialises a shared one once.
 */
export async function subscribeSharingResults(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const ctx = args.contextValue as Context;
  const { printed, perViewer } = factsOf(args.schema, args.document);
  const operation = `${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}\n${printed}`;
  const viewer = perViewer ? ctx.viewer : null;
  const keys = { everyone: `everyone\n${operation}`, managers: `managers\n${operation}`, own: viewer ? `student ${viewer.id}\n${operation}` : '' };
  const keyFor = (delivery: EventDelivery) => (!viewer ? keys.everyone : managesMeetingsOf(viewer, delivery.instructorId) ? keys.managers : keys.own);

  const resultFor = (delivery: EventDelivery): ExecutionResult | Promise<ExecutionResult> => {
    let results = resultsByDelivery.get(delivery);
    if (!results) resultsByDelivery.set(delivery, (results = new Map()));
    const key = keyFor(delivery);
    let shared = results.get(key);
    if (!shared) {
      ctx.events.stats.executions += 1;
      const promise = Promise.resolve(execute({ ...args, rootValue: delivery }));
      const created: SharedResult = { promise };
      void promise.then((value) => (created.value = value));
      results.set(key, (shared = created));
    }
    return shared.value ?? shared.promise;
  };

  if (!ctx.sendResult) throw new Error('Subscriptions are served over WebSocket only');
  return sendEach((source as AsyncIterable<EventDelivery>)[Symbol.asyncIterator](), resultFor, ctx.sendResult);
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * What graphql-ws iterates for a subscription: it yields nothing, and ends when the source does.
 * Meanwhile each item's result goes straight to `send`, in order: graphql-ws would otherwise, for
 * every subscriber of every event, run its own iteration, serialise the result again and wait for
 * the socket's write callback before the next one.
 *
 * Not an async generator: a generator waiting in next() cannot be returned until an item arrives,
 * which would keep a closed subscription listening. return() goes straight to the source here.
 */
function sendEach<T, R>(source: AsyncIterator<T>, resultFor: (item: T) => R | Promise<R>, send: (result: R) => void): AsyncGenerator<never> {
  let sending: Promise<IteratorResult<never>> | undefined;
  const sendAll = async (): Promise<IteratorResult<never>> => {
    for (let item = await source.next(); !item.done; item = await source.next()) {
      const result = resultFor(item.value);
      send(result instanceof Promise ? await result : result);
    }
    return DONE;
  };
  const iterator: AsyncGenerator<never> = {
    next: () => (sending ??= sendAll()),
    async return() {
      await source.return?.();
      return DONE;
    },
    async throw(error: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
    [Symbol.asyncDispose]: async () => void (await source.return?.()),
  };
  return iterator;
}
