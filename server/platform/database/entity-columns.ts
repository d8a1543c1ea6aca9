import { type Collection, type EntityMetadata, type EntityProperty, type Ref, ReferenceKind } from '@mikro-orm/core';
import { epochMilliseconds } from './epoch-columns';

/** An entity's data as plain values: its own properties, without methods and relations. */
export type ColumnsOf<T> = {
  [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : T[K] extends Ref<object> | Collection<object> ? never : K]: T[K];
};

/** One table of a statement, and what of it goes into each row. */
export interface ColumnGroup {
  meta: EntityMetadata;
  /** The table's alias in the statement. */
  table: string;
  /** The properties to read; when omitted, every persisted scalar loaded by default (lazy ones, such as a password hash, stay out). */
  properties?: readonly string[];
  /** To-one relations read as their id, as `<name>Id`. */
  ids?: readonly string[];
  /** The property of the row the group's values go under; at the top of the row when omitted. */
  under?: string;
}

/** What a statement selects, and how each record it returns becomes a row. */
export interface ColumnSet<Row> {
  /** The select list, every column under an alias of its own. */
  readonly select: string;
  read(record: Record<string, unknown>): Row;
}

interface Column {
  property: string;
  alias: string;
  /** Read as epoch milliseconds, which the driver parses far faster than a date's text. */
  date: boolean;
  nullable: boolean;
}

function columnsOfGroup({ meta, table, properties, ids = [], under }: ColumnGroup): { select: string[]; columns: Column[] } {
  const chosen = properties
    ? properties.map((name) => (meta.properties[name] as EntityProperty | undefined) ?? missing(meta, name))
    : meta.props.filter((prop) => prop.kind === ReferenceKind.SCALAR && !prop.lazy && prop.persist !== false);
  const select: string[] = [];
  const columns: Column[] = [];
  const add = (property: string, fieldName: string, date: boolean, nullable: boolean) => {
    const alias = under ? `${under}_${fieldName}` : fieldName;
    select.push(date ? epochMilliseconds(`${table}.${fieldName}`, alias) : `${table}.${fieldName} as ${alias}`);
    columns.push({ property, alias, date, nullable });
  };
  for (const prop of chosen) add(prop.name, prop.fieldNames[0], prop.runtimeType === 'Date', prop.nullable === true);
  for (const name of ids) {
    const prop = meta.properties[name] as EntityProperty | undefined;
    if (!prop || prop.kind !== ReferenceKind.MANY_TO_ONE) throw new Error(`${meta.className}.${name} is not a to-one relation`);
    add(`${name}Id`, prop.fieldNames[0], false, prop.nullable === true);
  }
  return { select, columns };
}

function missing(meta: EntityMetadata, name: string): never {
  throw new Error(`${meta.className} has no property ${name}`);
}

/**
 * The columns of one or more joined tables, and a reader that turns each record into a row under the
 * entities' property names, both from the entities' metadata: a column added to an entity reaches the
 * rows without being written down again. The reader is generated once, as an object literal per row:
 * pages read hundreds of rows, and a loop over the columns cost several times as much.
 */
export function columnSet<Row>(groups: readonly ColumnGroup[]): ColumnSet<Row> {
  const read = groups.map(columnsOfGroup);
  const value = ({ alias, date, nullable }: Column) => {
    const raw = `r[${JSON.stringify(alias)}]`;
    if (!date) return raw;
    return nullable ? `(${raw} === null ? null : new Date(${raw}))` : `new Date(${raw})`;
  };
  const entries = (columns: Column[]) => columns.map((column) => `${JSON.stringify(column.property)}: ${value(column)}`);
  const top = groups.flatMap((group, index) => (group.under ? [] : entries(read[index].columns)));
  const nested = groups.flatMap((group, index) =>
    group.under ? [`${JSON.stringify(group.under)}: { ${entries(read[index].columns).join(', ')} }`] : [],
  );
  // Only property names and aliases from the entities' metadata go into the source, each quoted.
  const reader = new Function('r', `return { ${[...top, ...nested].join(', ')} };`) as (record: Record<string, unknown>) => Row;
  return { select: read.flatMap((group) => group.select).join(', '), read: reader };
}
