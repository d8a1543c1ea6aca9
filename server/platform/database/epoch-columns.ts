/**
 * A timestamptz column read as epoch milliseconds: the driver then parses a float instead of a date
 * string, which on pages of hundreds of rows cost more than the rest of reading them.
 */
export function epochMilliseconds(column: string, alias: string): string {
  return `(extract(epoch from ${column}) * 1000)::float8 as ${alias}`;
}

export function dateOf(epochMs: number): Date {
  return new Date(epochMs);
}

export function optionalDateOf(epochMs: number | null): Date | null {
  return epochMs === null ? null : new Date(epochMs);
}
