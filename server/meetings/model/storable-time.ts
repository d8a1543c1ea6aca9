/** Times a JavaScript date can be stored as: PostgreSQL cannot parse the ISO form of years past 9999 or before 1. */
export const EARLIEST_STORABLE_TIME = Date.parse('0001-01-01T00:00:00.000Z');
export const LATEST_STORABLE_TIME = Date.parse('9999-12-31T23:59:59.999Z');

export function isStorableTime(time: number): boolean {
  return time >= EARLIEST_STORABLE_TIME && time <= LATEST_STORABLE_TIME;
}
