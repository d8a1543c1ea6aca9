import { badUserInput } from './errors';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is refused before it reaches SQL. */
export function parseId(value: string, field: string): string {
  if (!UUID.test(value)) throw badUserInput(field, `${field} is not a valid id`);
  return value.toLowerCase();
}
