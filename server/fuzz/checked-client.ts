import type { GraphQLResponse } from '../testing/test-server';
import type { FuzzWorld, Persona } from './fuzz-world';
import { OutcomeTally } from './outcome-tally';
import { responseProblems, textsOf } from './response-problems';

/** Personas whose token must be refused, never taken for anonymous. */
const BAD_TOKENS = new Set(['deleted account', 'token signed with another secret', 'expired token', 'garbage token']);

const PREVIEW = 600;

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > PREVIEW ? `${text.slice(0, PREVIEW)}… (${text.length} characters)` : text;
}

/** UNAUTHENTICATED with 401, or a body refused before it was read (too large: nobody was signed in yet). */
/**
 * A bad token is never read as anonymous: refused with 401, unless the request was refused before any
 * credential is read, as too large (413) or as no GraphQL-over-HTTP request at all (400, e.g. a subscription).
 */
function refusedCredentials(response: GraphQLResponse, codes: string[]): boolean {
  if (response.data != null) return false;
  if (response.status === 401) return codes[0] === 'UNAUTHENTICATED';
  return (response.status === 413 || response.status === 400) && codes[0] === 'BAD_REQUEST';
}

interface Exchange {
  label: string;
  /** Who sent it, for the report. */
  sender: string;
  path: string;
  init: RequestInit;
  /** Texts the request carried, which error messages may quote back. */
  echoes: string[];
  /** What was sent, for the report. */
  sent: unknown;
}

/**
 * Sends fuzz cases over real HTTP and fails on the first unsafe answer, saying what was sent, as whom,
 * and what came back. Counts the cases and their outcomes for the run's summary.
 */
export class CheckedClient {
  cases = 0;
  private readonly outcomes = new OutcomeTally();

  constructor(private readonly world: FuzzWorld) {}

  /** A GraphQL operation as `persona`; a persona with a bad token must be refused with 401. */
  async send(label: string, persona: Persona, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (persona.token) headers.authorization = `Bearer ${persona.token}`;
    const init = { method: 'POST', headers, body: JSON.stringify({ query, variables }) };
    return this.exchange(
      { label, sender: persona.name, path: '/graphql', init, echoes: textsOf(query, variables), sent: { query, variables } },
      (response, codes) =>
        BAD_TOKENS.has(persona.name) && !refusedCredentials(response, codes)
          ? [`a ${persona.name} was not refused with UNAUTHENTICATED and HTTP 401`]
          : [],
    );
  }

  /** A GraphQL operation with this Authorization header, whatever it holds. */
  async sendWithAuthorization(label: string, authorization: string, query: string): Promise<GraphQLResponse> {
    const init = { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query }) };
    return this.exchange({
      label,
      sender: `Authorization: ${authorization.slice(0, 200)}`,
      path: '/graphql',
      init,
      echoes: [authorization],
      sent: { query },
    });
  }

  /** A GET of another route as `persona`. */
  async get(label: string, persona: Persona, path: string): Promise<GraphQLResponse> {
    const init = { method: 'GET', headers: persona.token ? { authorization: `Bearer ${persona.token}` } : {} };
    return this.exchange({ label, sender: persona.name, path, init, echoes: [path, decodeURIComponentSafely(path)], sent: { path } });
  }

  private async exchange(
    exchange: Exchange,
    extraProblems: (response: GraphQLResponse, codes: string[]) => string[] = () => [],
  ): Promise<GraphQLResponse> {
    const response = await this.fetch(exchange.path, exchange.init);
    this.cases += 1;
    const codes = (response.errors ?? []).map((error) => String(error.extensions?.code));
    this.outcomes.count(exchange.label, codes.length ? [...new Set(codes)].sort().join('+') : 'ok');
    const problems = [...responseProblems(response, exchange.echoes), ...extraProblems(response, codes)];
    if (problems.length) {
      throw new Error(
        [
          `${exchange.label}: ${problems.join('; ')}`,
          `  as: ${exchange.sender}`,
          `  sent: ${preview(exchange.sent)}`,
          `  response: HTTP ${response.status} ${preview({ data: response.data, errors: response.errors })}`,
        ].join('\n'),
      );
    }
    if (response.data) this.world.harvest(response.data);
    return response;
  }

  /** The response as GraphQL's shape; other routes' `{ error: { code, message } }` becomes an `errors` entry. */
  private async fetch(path: string, init: RequestInit): Promise<GraphQLResponse> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.world.server.url), init);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return {
        status: 0,
        errors: [{ message: `no response: ${(error as Error).message} (${cause?.code}: ${cause?.message})`, extensions: {} }],
      };
    }
    const body = await response.text();
    if (response.ok && !/json/.test(response.headers.get('content-type') ?? '')) return { status: response.status, data: { body } };
    // Node itself refuses some requests (headers too large: 431) with no body at all.
    if (body === '' && response.status >= 400 && response.status < 500) return { status: response.status, data: null };
    try {
      const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown; error?: { code?: string; message?: string } };
      if (parsed.error)
        return { status: response.status, errors: [{ message: String(parsed.error.message), extensions: { code: parsed.error.code } }] };
      return { status: response.status, ...(parsed as object) };
    } catch {
      return { status: response.status, errors: [{ message: `not JSON: ${body.slice(0, 300)}`, extensions: {} }] };
    }
  }

  summary(): string {
    return `${this.cases} cases over HTTP\n${this.outcomes.summary()}`;
  }
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
