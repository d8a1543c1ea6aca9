import { type Client, CloseCode, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { Persona } from './fuzz-world';
import { OutcomeTally } from './outcome-tally';
import { responseProblems, textsOf } from './response-problems';

/** How long a subscription is watched for an error or a first event before it is left. */
const WATCH_MS = 100;
/** Refused credentials close the socket once it has connected: that may take longer. */
const REFUSAL_WATCH_MS = 5000;

/**
 * Closes a client may legitimately get: refused credentials, a malformed message, too many connections,
 * a message over the size limit (1009, from ws).
 */
const EXPECTED_CLOSES = new Set<number>([CloseCode.Forbidden, CloseCode.BadRequest, 4429, 1009]);

export type SubscriptionOutcome =
  | { kind: 'open' }
  | { kind: 'complete' }
  | { kind: 'next'; value: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }
  | { kind: 'errors'; errors: Array<{ message: string; extensions?: Record<string, unknown> }> }
  | { kind: 'closed'; code: number; reason: string };

function outcomeOf(error: unknown): SubscriptionOutcome {
  if (Array.isArray(error)) return { kind: 'errors', errors: error };
  const { code, reason } = (error ?? {}) as { code?: unknown; reason?: unknown };
  if (typeof code === 'number') return { kind: 'closed', code, reason: String(reason ?? '') };
  return { kind: 'closed', code: -1, reason: `client error: ${error instanceof Error ? error.message : String(error)}` };
}

/**
 * Subscriptions sent over graphql-ws, one connection per persona, each watched briefly and then left:
 * the errors they get must be as clean as over HTTP, and refused credentials close the socket with 4403.
 */
export class CheckedSubscriptions {
  cases = 0;
  private readonly outcomes = new OutcomeTally();
  private readonly clients = new Map<string, Client>();

  constructor(private readonly httpUrl: string) {}

  private clientFor(persona: Persona): Client {
    let client = this.clients.get(persona.name);
    if (!client) {
      client = createClient({
        url: this.httpUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: persona.token ? { authorization: `Bearer ${persona.token}` } : {},
        lazy: true,
        retryAttempts: 0,
      });
      this.clients.set(persona.name, client);
    }
    return client;
  }

  async send(label: string, persona: Persona, query: string, variables: Record<string, unknown>): Promise<SubscriptionOutcome> {
    const outcome = await this.watch(persona, query, variables);
    this.cases += 1;
    const name =
      outcome.kind === 'closed'
        ? `closed ${outcome.code}`
        : outcome.kind === 'errors'
          ? outcome.errors.map((e) => e.extensions?.code).join('+') || 'errors'
          : outcome.kind;
    this.outcomes.count(label, name);

    const echoes = textsOf(query, variables);
    const problems: string[] = [];
    if (outcome.kind === 'errors') problems.push(...responseProblems({ status: 200, errors: outcome.errors as never }, echoes));
    if (outcome.kind === 'next') problems.push(...responseProblems({ status: 200, ...outcome.value } as never, echoes));
    const refusedCredentials = persona.role === null;
    if (outcome.kind === 'closed' && !EXPECTED_CLOSES.has(outcome.code)) problems.push(`the socket closed with ${outcome.code} ${outcome.reason}`);
    if (refusedCredentials && !(outcome.kind === 'closed' && outcome.code === CloseCode.Forbidden)) {
      problems.push(`a ${persona.name} was not closed out with ${CloseCode.Forbidden}`);
    }
    if (!refusedCredentials && outcome.kind === 'closed' && outcome.code === CloseCode.Forbidden)
      problems.push(`a signed-in ${persona.name} was closed out`);
    if (problems.length) {
      throw new Error(
        [
          `${label} over WebSocket: ${problems.join('; ')}`,
          `  as: ${persona.name}`,
          `  query: ${query}`,
          `  variables: ${JSON.stringify(variables).slice(0, 600)}`,
          `  outcome: ${JSON.stringify(outcome).slice(0, 600)}`,
        ].join('\n'),
      );
    }
    return outcome;
  }

  private watch(persona: Persona, query: string, variables: Record<string, unknown>): Promise<SubscriptionOutcome> {
    return new Promise((resolve) => {
      let settled = false;
      let unsubscribe = () => {};
      const finish = (outcome: SubscriptionOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        unsubscribe();
        resolve(outcome);
      };
      const timer = setTimeout(() => finish({ kind: 'open' }), persona.role === null ? REFUSAL_WATCH_MS : WATCH_MS);
      unsubscribe = this.clientFor(persona).subscribe(
        { query, variables },
        {
          next: (value) => finish({ kind: 'next', value: value as never }),
          error: (error) => finish(outcomeOf(error)),
          complete: () => finish({ kind: 'complete' }),
        },
      );
    });
  }

  summary(): string {
    return `${this.cases} subscriptions over WebSocket\n${this.outcomes.summary()}`;
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((client) => client.dispose()));
  }
}
