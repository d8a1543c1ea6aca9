import { type Client, createClient } from 'graphql-ws';
import { expect } from 'vitest';
import WebSocket from 'ws';

export const EVENT_FIELDS = 'id type at meeting { id title status participantCount presentCount } participant { status user { id } } user { id }';

export interface ReceivedEvent {
  id: string;
  type: string;
  at: string;
  meeting: { id: string; title: string; status: string; participantCount: number; presentCount: number };
  participant: { status: string; user: { id: string } } | null;
  user: { id: string } | null;
}

export interface SubscriptionOptions {
  afterEventId?: string;
  meetingId?: string;
  /** The selection of MeetingEvent; EVENT_FIELDS by default. */
  fields?: string;
}

type Message = { kind: 'event'; event: ReceivedEvent } | { kind: 'error'; errors: Array<{ message: string; extensions?: Record<string, unknown> }> };

/**
 * A real graphql-ws client subscribed to meetingEvents (or meetingEvent), whose messages wait in a
 * queue: tests await the next one instead of sleeping.
 */
export class TestSubscriber {
  private readonly queue: Message[] = [];
  private waiting: ((message: Message) => void) | null = null;
  private dispose: () => void = () => {};
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly client: Client;

  constructor(
    httpUrl: string,
    token: string | null,
    private readonly options: SubscriptionOptions = {},
  ) {
    let onClosed!: (event: { code: number; reason: string }) => void;
    this.closed = new Promise((resolve) => (onClosed = resolve));
    this.client = createClient({
      url: httpUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => {},
      on: {
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          onClosed({ code, reason });
        },
      },
    });
  }

  /** Subscribes and resolves once the server has accepted the connection. */
  static async start(httpUrl: string, token: string | null, options: SubscriptionOptions = {}): Promise<TestSubscriber> {
    const subscriber = new TestSubscriber(httpUrl, token, options);
    await subscriber.subscribe();
    return subscriber;
  }

  private async subscribe(): Promise<void> {
    const { fields = EVENT_FIELDS, ...variables } = this.options;
    const query = variables.meetingId
      ? `subscription ($meetingId: ID!, $afterEventId: String) { meetingEvent(meetingId: $meetingId, afterEventId: $afterEventId) { ${fields} } }`
      : `subscription ($afterEventId: String) { meetingEvents(afterEventId: $afterEventId) { ${fields} } }`;
    await new Promise<void>((resolve) => {
      const off = this.client.on('connected', () => {
        off();
        resolve();
      });
      void this.closed.then(() => resolve());
    });
    this.dispose = this.client.subscribe<Record<string, ReceivedEvent>>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) this.push({ kind: 'error', errors: result.errors as never });
          else this.push({ kind: 'event', event: Object.values(result.data!)[0] });
        },
        error: (error) => this.push({ kind: 'error', errors: Array.isArray(error) ? error : [{ message: String(error) }] }),
        complete: () => {},
      },
    );
  }

  private push(message: Message): void {
    if (this.waiting) {
      const waiting = this.waiting;
      this.waiting = null;
      waiting(message);
    } else {
      this.queue.push(message);
    }
  }

  private nextMessage(timeoutMs: number): Promise<Message | null> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        resolve(null);
      }, timeoutMs);
      this.waiting = (message) => {
        clearTimeout(timer);
        resolve(message);
      };
    });
  }

  async nextEvent(timeoutMs = 3_000): Promise<ReceivedEvent> {
    const message = await this.nextMessage(timeoutMs);
    if (!message) throw new Error(`no event within ${timeoutMs} ms`);
    if (message.kind === 'error') throw new Error(`an error instead of an event: ${JSON.stringify(message.errors)}`);
    return message.event;
  }

  async nextError(timeoutMs = 3_000): Promise<Array<{ message: string; extensions?: Record<string, unknown> }>> {
    const message = await this.nextMessage(timeoutMs);
    if (message?.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(message)}`);
    return message.errors;
  }

  async events(count: number, timeoutMs = 3_000): Promise<ReceivedEvent[]> {
    const received: ReceivedEvent[] = [];
    for (let index = 0; index < count; index += 1) received.push(await this.nextEvent(timeoutMs));
    return received;
  }

  /** Every event until none arrives for `quietMs`. */
  async drain(quietMs = 600): Promise<ReceivedEvent[]> {
    const received: ReceivedEvent[] = [];
    for (let message = await this.nextMessage(quietMs); message; message = await this.nextMessage(quietMs)) {
      if (message.kind === 'error') throw new Error(`an error instead of an event: ${JSON.stringify(message.errors)}`);
      received.push(message.event);
    }
    return received;
  }

  /** Asserts that nothing arrives for a while: silence, not just absence from what was read. */
  async expectQuiet(ms = 400): Promise<void> {
    const message = await this.nextMessage(ms);
    expect(message, `expected no message, got ${JSON.stringify(message)}`).toBeNull();
  }

  async close(): Promise<void> {
    this.dispose();
    await this.client.dispose();
  }
}
