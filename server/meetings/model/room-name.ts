import { randomBytes } from 'node:crypto';

/**
 * 160 random bits, hex-encoded: Jitsi lower-cases room names, so a case-sensitive alphabet would
 * silently lose entropy. Never derived from the meeting's id or title.
 */
export function newRoomName(): string {
  return `amphi-${randomBytes(20).toString('hex')}`;
}
