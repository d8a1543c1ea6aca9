import { createPrivateKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { JitsiTokenConfig } from '../platform/config';

/** Clock skew allowed between Amphi and the Jitsi server. */
const SKEW_SECONDS = 60;
/** A meeting may run past its scheduled end: the token outlives it by this much, counted from now at least. */
const OVERRUN_SECONDS = 15 * 60;

export interface RoomAccess {
  /** The room name to open: "<app id>/<room>" on JaaS. */
  roomName: string;
  jwt: string | null;
}

/** What a token says of the meeting: its room, and when it may be entered. */
export interface Room {
  roomName: string;
  startedAt: Date | null;
  endsAt: Date;
}

/** Who the token lets in. */
export interface RoomGuest {
  id: string;
  displayName: string;
  email: string;
}

export interface RoomTokenIssuer {
  /** Whether the guest moderates is the meetings' rule to decide (meetings/access.ts), not the issuer's. */
  access(meeting: Room, user: RoomGuest, moderator: boolean, now: Date): Promise<RoomAccess>;
}

/**
 * Jitsi room tokens: for exactly one room (never "*"), moderator only for the meeting's managers,
 * valid from the start of the meeting to its end. Without configuration there are none, and the
 * room name alone guards the room.
 */
export function createRoomTokenIssuer(config: JitsiTokenConfig | undefined): RoomTokenIssuer {
  if (!config) return { access: async (meeting) => ({ roomName: meeting.roomName, jwt: null }) };
  const key: Uint8Array | KeyObject = config.kind === 'jaas' ? createPrivateKey(config.privateKey) : new TextEncoder().encode(config.secret);
  const header = config.kind === 'jaas' ? { alg: 'RS256', kid: config.keyId, typ: 'JWT' } : { alg: 'HS256', typ: 'JWT' };

  return {
    async access(meeting, user, moderator, now) {
      const nowSeconds = Math.floor(now.getTime() / 1000);
      const startedSeconds = Math.floor((meeting.startedAt ?? now).getTime() / 1000);
      const endsSeconds = Math.floor(meeting.endsAt.getTime() / 1000);
      const jaas = config.kind === 'jaas';
      const jwt = await new SignJWT({
        room: meeting.roomName,
        moderator,
        context: {
          user: {
            id: user.id,
            name: user.displayName,
            email: user.email,
            // JaaS reads its flags as strings.
            moderator: jaas ? String(moderator) : moderator,
          },
        },
      })
        .setProtectedHeader(header)
        .setIssuer(config.issuer)
        .setAudience(config.audience)
        .setSubject(config.subject)
        .setIssuedAt(nowSeconds)
        .setNotBefore(startedSeconds - SKEW_SECONDS)
        .setExpirationTime(Math.max(endsSeconds, nowSeconds) + OVERRUN_SECONDS)
        .sign(key);
      return { roomName: jaas ? `${config.appId}/${meeting.roomName}` : meeting.roomName, jwt };
    },
  };
}
