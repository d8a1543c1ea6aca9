import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult, print } from 'graphql';
import type { Context } from '../context';
import { canManage } from '../meeting/meeting.policy';
import type { EventDelivery } from './event-delivery';
import { selectsViewerDependentFields } from './viewer-dependent';

const resultsByDelivery = new WeakMap<EventDelivery, Map<string, Promise<ExecutionResult>>>();

/**
 * graphql-ws's `subscribe`: like graphql-js's, except that the subscribers of one event who sent the
 * same operation and see the same thing share one execution. An operation selecting no
 * viewer-dependent field reads the same for everyone it is delivered to; otherwise managers share
 * one result and each student gets their own.
 */
export async function subscribeSharingResults(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const ctx = args.contextValue as Context;
  const perViewer = selectsViewerDependentFields(args.schema, args.document);
  const operation = `${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}\n${print(args.document)}`;

  const audienceOf = (delivery: EventDelivery) => {
    if (!perViewer || !ctx.viewer) return 'everyone';
    return canManage(ctx.viewer, delivery.meeting) ? 'managers' : `student ${ctx.viewer.id}`;
  };

  const resultFor = (delivery: EventDelivery): Promise<ExecutionResult> => {
    let results = resultsByDelivery.get(delivery);
    if (!results) resultsByDelivery.set(delivery, (results = new Map()));
    const key = `${audienceOf(delivery)}\n${operation}`;
    let result = results.get(key);
    if (!result) {
      ctx.events.stats.executions += 1;
      result = Promise.resolve(execute({ ...args, rootValue: delivery }));
      results.set(key, result);
    }
    return result;
  };

  return mapEach((source as AsyncIterable<EventDelivery>)[Symbol.asyncIterator](), resultFor);
}

/**
 * Not an async generator: a generator waiting in next() cannot be returned until an item arrives,
 * which would keep a closed subscription listening. return() goes straight to the source here.
 */
function mapEach<T, R>(source: AsyncIterator<T>, map: (item: T) => Promise<R>): AsyncGenerator<R> {
  const iterator: AsyncGenerator<R> = {
    async next() {
      const item = await source.next();
      return item.done ? { done: true, value: undefined } : { done: false, value: await map(item.value) };
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined };
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
