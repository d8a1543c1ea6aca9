import { createSourceEventStream, type DocumentNode, execute, type ExecutionArgs, type ExecutionResult, type GraphQLSchema, print } from 'graphql';
import type { Delivery, EventViewer } from '../live/event-log';
import { type EventSink, EventStream } from '../live/event-stream';
import type { Subscriber, SubscriptionContext } from './subscriber';
import { selectsViewerDependentFields } from './viewer-dependent';
import { cachedIn } from '../platform/cache';

/**
 * One execution of an operation for one event and audience: `value` once it has settled; until then,
 * the subscribers waiting for it, all sent to in one loop when it does.
 */
interface SharedResult {
  value?: ExecutionResult;
  /** Set if the execution threw instead: each subscriber of it fails. */
  failure?: { error: unknown };
  waiting: SharingSubscription[];
}

const resultsByDelivery = new WeakMap<Delivery, Map<string, SharedResult>>();

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
  return cachedIn(operationFacts, document, () => ({
    printed: print(document),
    perViewer: selectsViewerDependentFields(schema, document),
    keys: new Map(),
  }));
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
  const ctx = args.contextValue as SubscriptionContext;
  if (!ctx.subscriber) throw new Error('Subscriptions are served over WebSocket only');
  if (!(source instanceof EventStream)) throw new Error('A subscription’s source must be an event stream');
  return new SharingSubscription(source, args, ctx, ctx.subscriber, factsOf(args.schema, args.document));
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * What the WebSocket server holds for a subscription: it yields nothing, and its first next() settles
 * when the source ends. Meanwhile each event's result goes straight to the subscriber's socket, in
 * order.
 *
 * This runs for every subscriber of every event, and lives as long as each idle subscription. Idle,
 * it is parked on its stream, which hands it each live event synchronously as the hub dispatches it:
 * no promise per subscriber and event. A result not computed yet is waited for alongside every other
 * subscriber sharing it, and sent to them all in one loop when it settles; the stream holds the
 * events that arrive meanwhile, read with next() until it is empty and the subscription parks again.
 *
 * Not an async generator: a generator waiting in next() cannot be returned until an item arrives,
 * which would keep a closed subscription listening. return() goes straight to the source here.
 */
class SharingSubscription implements AsyncGenerator<never>, EventSink<Delivery> {
  private ended: Promise<IteratorResult<never>> | undefined;
  private settle: { resolve(result: IteratorResult<never>): void; reject(error: unknown): void } | undefined;
  /** Once returned (by the WebSocket server, or after a failure): a result still being computed then is not sent after `complete`. */
  private returned = false;
  private readonly keys: SharedKeys;
  /** Set when the selection depends on the viewer. */
  private readonly viewer: EventViewer | null;
  private readonly ownKey: string;

  constructor(
    private readonly source: EventStream,
    private readonly args: ExecutionArgs,
    private readonly ctx: SubscriptionContext,
    private readonly subscriber: Subscriber,
    facts: OperationFacts,
  ) {
    this.keys = sharedKeysOf(facts, args);
    this.viewer = facts.perViewer ? ctx.viewer : null;
    this.ownKey = this.viewer ? `student ${this.viewer.id}\n${this.keys.operation}` : '';
  }

  next(): Promise<IteratorResult<never>> {
    if (!this.ended) {
      this.ended = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
      this.read();
    }
    return this.ended;
  }

  async return(): Promise<IteratorResult<never>> {
    this.returned = true;
    await this.source.return();
    this.settle?.resolve(DONE);
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

  deliver(delivery: Delivery): boolean {
    const shared = this.resultFor(delivery);
    if (shared.value) {
      this.subscriber.send(shared.value);
      return true;
    }
    if (shared.failure) {
      this.fail(shared.failure.error);
      return true;
    }
    shared.waiting.push(this);
    return false;
  }

  /** The result this subscription waited for has settled: it goes out, then the events held meanwhile. */
  sendWaited(result: ExecutionResult): void {
    if (this.returned) return;
    this.subscriber.send(result);
    this.read();
  }

  fail(error: unknown): void {
    if (this.returned) return;
    void this.return();
    this.settle?.reject(error);
  }

  /** Reads what the stream holds (the replay, a backlog) one event at a time, then parks on it. */
  private read(): void {
    if (this.returned || this.source.park(this)) return;
    this.source.next().then(
      (item) => {
        if (item.done) void this.return();
        else if (!this.returned && this.deliver(item.value)) this.read();
      },
      (error: unknown) => this.fail(error),
    );
  }

  private keyFor(delivery: Delivery): string {
    if (!this.viewer) return this.keys.everyone;
    return this.source.receivesAs(delivery) === 'manager' ? this.keys.managers : this.ownKey;
  }

  private resultFor(delivery: Delivery): SharedResult {
    let results = resultsByDelivery.get(delivery);
    if (!results) {
      results = new Map();
      resultsByDelivery.set(delivery, results);
    }
    const key = this.keyFor(delivery);
    let shared = results.get(key);
    if (!shared) {
      this.ctx.events.stats.executions += 1;
      const created: SharedResult = { waiting: [] };
      shared = created;
      results.set(key, created);
      // A promise even for an execution that throws at once: this runs inside the hub's dispatch loop.
      new Promise<ExecutionResult>((resolve) => resolve(execute({ ...this.args, rootValue: delivery }))).then(
        (value) => {
          created.value = value;
          for (const subscription of created.waiting.splice(0)) subscription.sendWaited(value);
        },
        (error: unknown) => {
          created.failure = { error };
          for (const subscription of created.waiting.splice(0)) subscription.fail(error);
        },
      );
    }
    return shared;
  }
}
