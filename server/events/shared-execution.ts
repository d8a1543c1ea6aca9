import { createSourceEventStream, type DocumentNode, execute, type ExecutionArgs, type ExecutionResult, type GraphQLSchema, print } from 'graphql';
import type { Context, Subscriber } from '../context';
import { managesMeetingsOf } from '../meeting/meeting.policy';
import type { User } from '../user/user.entity';
import type { EventDelivery } from './event-delivery';
import { selectsViewerDependentFields } from './viewer-dependent';

/** One execution of an operation for one event and audience; `value` once it has settled. */
interface SharedResult {
  promise: Promise<ExecutionResult>;
  value?: ExecutionResult;
}

const resultsByDelivery = new WeakMap<EventDelivery, Map<string, SharedResult>>();

/** The keys a subscription's results are shared under, the same strings for every subscriber of one operation. */
interface SharedKeys {
  operation: string;
  everyone: string;
  managers: string;
}

/** What is worked out once per document (subscribers who sent the same text share one, see operation-limits). */
interface OperationFacts {
  printed: string;
  perViewer: boolean;
  /** By operation name and variables; bounded, since variables are the client's to choose. */
  keys: Map<string, SharedKeys>;
}

const MAX_KEYS_PER_DOCUMENT = 100;
const operationFacts = new WeakMap<DocumentNode, OperationFacts>();

function factsOf(schema: GraphQLSchema, document: DocumentNode): OperationFacts {
  let facts = operationFacts.get(document);
  if (!facts) {
    facts = { printed: print(document), perViewer: selectsViewerDependentFields(schema, document), keys: new Map() };
    operationFacts.set(document, facts);
  }
  return facts;
}

function sharedKeysOf(facts: OperationFacts, args: ExecutionArgs): SharedKeys {
  const variant = `${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}`;
  let keys = facts.keys.get(variant);
  if (!keys) {
    const operation = `${variant}\n${facts.printed}`;
    keys = { operation, everyone: `everyone\n${operation}`, managers: `managers\n${operation}` };
    if (facts.keys.size < MAX_KEYS_PER_DOCUMENT) facts.keys.set(variant, keys);
  }
  return keys;
}

/**
 * A subscription's `subscribe`: like graphql-js's, except that the subscribers of one event who sent the
 * same operation and see the same thing share one execution. An operation selecting no
 * viewer-dependent field reads the same for everyone it is delivered to; otherwise managers share
 * one result and each student gets their own.
 */
export async function subscribeSharingResults(args: ExecutionArgs): Promise<AsyncGenerator<never> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const ctx = args.contextValue as Context;
  if (!ctx.subscriber) throw new Error('Subscriptions are served over WebSocket only');
  const facts = factsOf(args.schema, args.document);
  return new SharingSubscription((source as AsyncIterable<EventDelivery>)[Symbol.asyncIterator](), args, ctx, ctx.subscriber, facts);
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * What the WebSocket server holds for a subscription: it yields nothing, and its first next() settles
 * when the source ends. Meanwhile each event's result goes straight to the subscriber's socket, in
 * order, rather than through an iteration, a serialisation and a socket write callback per
 * subscriber of every event.
 *
 * This runs for every subscriber of every event, and lives as long as each idle subscription: a
 * class with its state in a few fields, the keys shared by every subscriber of the operation, and a
 * result already computed handed over without another await.
 *
 * Not an async generator: a generator waiting in next() cannot be returned until an item arrives,
 * which would keep a closed subscription listening. return() goes straight to the source here.
 */
class SharingSubscription implements AsyncGenerator<never> {
  private sending: Promise<IteratorResult<never>> | undefined;
  /** Once the WebSocket server has returned it: a result still being computed then is not sent after `complete`. */
  private returned = false;
  private readonly keys: SharedKeys;
  /** Set when the selection depends on the viewer. */
  private readonly viewer: User | null;
  private readonly ownKey: string;

  constructor(
    private readonly source: AsyncIterator<EventDelivery>,
    private readonly args: ExecutionArgs,
    private readonly ctx: Context,
    private readonly subscriber: Subscriber,
    facts: OperationFacts,
  ) {
    this.keys = sharedKeysOf(facts, args);
    this.viewer = facts.perViewer ? ctx.viewer : null;
    this.ownKey = this.viewer ? `student ${this.viewer.id}\n${this.keys.operation}` : '';
  }

  next(): Promise<IteratorResult<never>> {
    return (this.sending ??= this.sendAll());
  }

  async return(): Promise<IteratorResult<never>> {
    this.returned = true;
    await this.source.return?.();
    return DONE;
  }

  async throw(error: unknown): Promise<IteratorResult<never>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.return();
  }

  private async sendAll(): Promise<IteratorResult<never>> {
    for (let item = await this.source.next(); !item.done; item = await this.source.next()) {
      const computed = this.resultFor(item.value);
      const result = computed instanceof Promise ? await computed : computed;
      if (this.returned) break;
      this.subscriber.send(result);
    }
    return DONE;
  }

  private keyFor(delivery: EventDelivery): string {
    if (!this.viewer) return this.keys.everyone;
    return managesMeetingsOf(this.viewer, delivery.instructorId) ? this.keys.managers : this.ownKey;
  }

  private resultFor(delivery: EventDelivery): ExecutionResult | Promise<ExecutionResult> {
    let results = resultsByDelivery.get(delivery);
    if (!results) resultsByDelivery.set(delivery, (results = new Map()));
    const key = this.keyFor(delivery);
    let shared = results.get(key);
    if (!shared) {
      this.ctx.events.stats.executions += 1;
      const promise = Promise.resolve(execute({ ...this.args, rootValue: delivery }));
      const created: SharedResult = { promise };
      void promise.then((value) => (created.value = value));
      results.set(key, (shared = created));
    }
    return shared.value ?? shared.promise;
  }
}
