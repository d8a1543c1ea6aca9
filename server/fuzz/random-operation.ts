import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import type { FuzzPools, Persona } from './fuzz-world';
import { EnumValue, graphqlLiteral } from './graphql-literal';
import { hostileDateTime, hostileId, hostileInt, hostileString, nonInt, wrongTypeValue } from './hostile-values';
import * as sensible from './sensible-values';

export interface FuzzRequest {
  persona: Persona;
  query: string;
  variables: Record<string, unknown>;
}

export type OperationKind = 'query' | 'mutation' | 'subscription';
const ALL_KINDS: OperationKind[] = ['query', 'mutation', 'subscription'];

/** Deepest selection below a root field; the server's depth limit is well above it. */
const MAX_DEPTH = 4;

/** Values for arguments and input fields whose name says what a real client would send. */
function sensibleByName(name: string, pools: FuzzPools): fc.Arbitrary<unknown> | null {
  switch (name) {
    case 'id':
    case 'meetingId':
      return sensible.meetingId(pools);
    case 'userId':
      return sensible.studentId(pools);
    case 'studentIds':
      return sensible.studentIds(pools);
    case 'after':
      return sensible.cursor(pools);
    case 'afterEventId':
      return sensible.eventId(pools);
    case 'first':
      return sensible.pageSize();
    case 'scheduledAt':
      return sensible.scheduledAt(pools);
    case 'durationMinutes':
      return sensible.durationMinutes();
    case 'attendanceThresholdPercent':
      return sensible.thresholdPercent();
    case 'title':
      return sensible.title();
    case 'description':
      return sensible.description();
    case 'displayName':
      return sensible.displayName();
    case 'email':
      return sensible.email(pools);
    case 'password':
      return sensible.password();
    case 'reason':
      return sensible.reason();
    case 'search':
      return sensible.search(pools);
    case 'version':
      return sensible.version();
    default:
      return null;
  }
}

/** GraphQL type names to declare a variable with in the wrong place. */
const WRONG_VARIABLE_TYPES = [
  'String',
  'String!',
  'Int',
  'Int!',
  'ID',
  'Boolean',
  'Float',
  '[String]',
  '[ID!]!',
  'DateTimeISO',
  'MeetingWhen',
  'Role!',
  'CreateMeetingInput',
  'Nope',
];

/**
 * Writes one random operation from the schema: random root fields with random arguments (inline or as
 * variables, valid or hostile, sometimes of the wrong type), random selections of bounded depth,
 * sent as a random persona. Every choice is drawn from `g`, so the seed replays it.
 */
export class OperationWriter {
  private variables: Record<string, unknown> = {};
  private declarations: string[] = [];
  /** A sloppy operation breaks the rules of its own shape (selections, arguments, types): for the validator. */
  private sloppy = false;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly pools: FuzzPools,
    private readonly personas: readonly Persona[],
    private readonly g: fc.GeneratorValue,
  ) {}

  private chance(percent: number): boolean {
    return this.g(fc.integer, { min: 1, max: 100 }) <= percent;
  }

  private pick<T>(values: readonly T[]): T {
    return values[this.g(fc.integer, { min: 0, max: values.length - 1 })];
  }

  /** Mostly someone signed in: refusals at the door are cases, but cheap ones that reach no rule. */
  private persona(): Persona {
    const signedIn = this.personas.filter((persona) => persona.role !== null);
    return this.chance(80) ? this.pick(signedIn) : this.pick(this.personas.filter((persona) => persona.role === null));
  }

  /** Without `kind`, any kind of operation (a subscription sent over HTTP must be refused cleanly). */
  write(kind: OperationKind = this.pick(ALL_KINDS)): FuzzRequest {
    this.variables = {};
    this.declarations = [];
    this.sloppy = this.chance(8);
    const persona = this.persona();
    const root =
      kind === 'query' ? this.schema.getQueryType() : kind === 'mutation' ? this.schema.getMutationType() : this.schema.getSubscriptionType();
    const fields = Object.values(root!.getFields());
    // A subscription has one root field; two are a case for the validator, not for the resolvers.
    const count = this.chance(kind === 'subscription' ? 97 : 80) ? 1 : this.g(fc.integer, { min: 2, max: 3 });
    const selections = Array.from({ length: count }, (_, index) => {
      const field = this.pick(fields);
      return `${count > 1 ? `f${index}: ` : ''}${this.fieldSelection(field, 0)}`;
    });
    const declarations = this.declarations.length ? `(${this.declarations.join(', ')})` : '';
    let query = `${kind} Fuzz${declarations} { ${selections.join(' ')} }`;
    if (this.sloppy && this.chance(30)) query = this.damaged(query);
    return { persona, query, variables: this.variables };
  }

  /** A query with a character dropped, doubled or replaced: for the parser and the validator. */
  private damaged(query: string): string {
    const at = this.g(fc.integer, { min: 0, max: query.length - 1 });
    const insert = this.pick(['', '{', '}', '(', ')', '$', '"', '\\', '@skip', '...', '#', '\u0000', '🙂']);
    return query.slice(0, at) + insert + query.slice(at + (this.chance(50) ? 1 : 0));
  }

  private fieldSelection(field: GraphQLField<unknown, unknown>, depth: number): string {
    const args = field.args.map((arg) => this.argument(arg)).filter((written): written is string => written !== null);
    const argsText = args.length ? `(${args.join(', ')})` : '';
    const type = getNamedType(field.type);
    return `${field.name}${argsText}${this.subselection(type, depth + 1)}`;
  }

  private subselection(type: GraphQLNamedType, depth: number): string {
    if (isLeafType(type)) return this.sloppy && this.chance(10) ? ' { id }' : '';
    if (!isObjectType(type)) return '';
    if (this.sloppy && this.chance(10)) return '';
    if (depth > MAX_DEPTH || this.chance(2)) return ' { __typename }';
    return ` { ${this.objectSelections(type, depth).join(' ')} }`;
  }

  private objectSelections(type: GraphQLObjectType, depth: number): string[] {
    const fields = Object.values(type.getFields());
    // Deeper down, fewer fields: the operation stays small enough to be cheap, as real ones are.
    const most = Math.max(1, Math.min(fields.length, 5 - depth));
    const indexes = fields.map((_, index) => index);
    const chosen = this.g(fc.shuffledSubarray, indexes, { minLength: 1, maxLength: most });
    const selections = chosen.map((index) => this.fieldSelection(fields[index], depth));
    if (this.chance(10)) selections.push('__typename');
    if (this.sloppy && this.chance(10)) selections.push(this.pick(['nope', 'passwordHash', 'presentSince', '__schema { types { name } }']));
    return selections;
  }

  /** `name: value`, `name: $variable`, or null to leave the argument out. */
  private argument(arg: GraphQLArgument): string | null {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (!required && this.chance(35)) return null;
    if (required && this.sloppy && this.chance(10)) return null;
    const value = this.valueFor(arg.type, arg.name);
    if (this.chance(40)) return `${arg.name}: ${graphqlLiteral(value)}`;
    const variable = `v${this.declarations.length}`;
    const declared = this.sloppy && this.chance(30) ? this.pick(WRONG_VARIABLE_TYPES) : String(arg.type);
    this.declarations.push(`$${variable}: ${declared}`);
    const sent = this.chance(4) ? this.g(wrongTypeValue) : value;
    if (!(this.sloppy && this.chance(10))) this.variables[variable] = sent;
    return `${arg.name}: $${variable}`;
  }

  /** A value for an input of `type` named `name`: sensible, hostile or of the wrong type. */
  private valueFor(type: GraphQLInputType, name: string): unknown {
    const roll = this.g(fc.integer, { min: 1, max: 100 });
    if (roll <= 2) return null;
    if (roll <= 4) return this.g(wrongTypeValue);
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const sensibleList = sensibleByName(name, this.pools);
      if (sensibleList && roll <= 80) return this.g(() => sensibleList);
      const length = this.g(fc.integer, { min: 0, max: 4 });
      return Array.from({ length }, () => this.valueFor(nullable.ofType, name));
    }
    if (isInputObjectType(nullable)) {
      const input: Record<string, unknown> = {};
      for (const field of Object.values(nullable.getFields())) {
        const required = isNonNullType(field.type) && field.defaultValue === undefined;
        if (!required && this.chance(40)) continue;
        if (required && this.sloppy && this.chance(10)) continue;
        input[field.name] = this.valueFor(field.type, field.name);
      }
      if (this.sloppy && this.chance(10)) input[this.pick(['unknown', 'id', 'status', 'instructorId'])] = this.g(wrongTypeValue);
      return input;
    }
    if (isEnumType(nullable)) {
      if (this.chance(3)) return new EnumValue(this.pick(['NOPE', 'accept', 'ADMIN', 'LIVE', '__proto__']));
      return new EnumValue(this.pick(nullable.getValues()).name);
    }
    const sensibleValue = sensibleByName(name, this.pools);
    if (sensibleValue && roll <= 75) return this.g(() => sensibleValue);
    if (isScalarType(nullable)) return this.scalar(nullable.name);
    return null;
  }

  private scalar(name: string): unknown {
    switch (name) {
      case 'Int':
        return this.chance(92) ? this.g(hostileInt) : this.g(nonInt);
      case 'Float':
        return this.g(fc.double);
      case 'Boolean':
        return this.g(fc.boolean);
      case 'ID':
        return this.g(hostileId);
      case 'DateTimeISO':
        return this.g(() => hostileDateTime(this.pools.now()));
      default:
        return this.g(hostileString);
    }
  }
}
