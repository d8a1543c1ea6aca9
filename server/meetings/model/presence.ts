/** A student whose room has sent no heartbeat for this long is counted as gone since the last one. */
export const PRESENCE_TIMEOUT_SECONDS = 90;

/** What the attendance arithmetic reads of a participant, entity or row alike. */
export interface Presence {
  /** Start of the interval the student is in the room for now; null while out of it. */
  presentSince: Date | null;
  /** Last sign of life from the student's room (join or heartbeat). */
  lastSeenAt: Date | null;
  /** Seconds spent in the room over every closed visit. */
  attendedSeconds: number;
}

/** In the room by the records, but unseen for longer than the presence timeout. */
export function isGone(presence: Presence, now: Date): boolean {
  const lastSeen = presence.lastSeenAt ?? presence.presentSince;
  return lastSeen !== null && presence.presentSince !== null && now.getTime() - lastSeen.getTime() > PRESENCE_TIMEOUT_SECONDS * 1000;
}

/** When an open visit ends if it ends now: at the last sign of life, for someone gone. */
export function visitEnd(presence: Presence, now: Date): Date {
  return isGone(presence, now) ? (presence.lastSeenAt ?? presence.presentSince)! : now;
}

/** Seconds in the room so far, the open visit included. */
export function attendedSecondsAt(presence: Presence, now: Date): number {
  return presence.attendedSeconds + (presence.presentSince ? secondsBetween(presence.presentSince, visitEnd(presence, now)) : 0);
}

export function secondsBetween(start: Date, end: Date): number {
  return Math.max(0, Math.round((end.getTime() - start.getTime()) / 1000));
}
