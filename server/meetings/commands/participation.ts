import { LockMode } from '@mikro-orm/core';
import type { User } from '../../accounts/model/user.entity';
import type { RoomTokenIssuer } from '../../jitsi/room-token';
import { conflict, type DomainError, forbidden, notFound } from '../../platform/errors';
import { parseId } from '../../platform/ids';
import { type JoinRefusal, joinRefusal, mayManage } from '../access';
import { type WriteScope, writeWithEvents } from '../events/write-with-events';
import { MeetingEventType } from '../model/meeting-event-type';
import { MeetingStatus } from '../model/meeting-status';
import type { Meeting } from '../model/meeting.entity';
import { MeetingParticipant } from '../model/participant.entity';
import type { InvitationResponse } from '../model/participant-status';
import { participantEvent } from './invitations';
import { findVisibleMeeting } from './managed-meeting';

/** What the client needs to open the Jitsi room. */
export interface JoinInfo {
  domain: string;
  roomName: string;
  jwt: string | null;
  displayName: string;
  moderator: boolean;
}

/** What entering a room needs besides a write: the Jitsi server and its room tokens. */
export interface JoinScope extends WriteScope {
  roomTokens: RoomTokenIssuer;
  config: { jitsiDomain: string };
}

function refused(refusal: JoinRefusal, meeting: Meeting): DomainError {
  switch (refusal) {
    case 'not-live':
      return conflict(`The meeting is ${meeting.status.toLowerCase()}, not live`);
    case 'not-invited':
      return notFound('Invitation');
    case 'declined':
      return forbidden('You declined this meeting; accept the invitation to join it');
  }
}

/**
 * Changes the viewer's own invitation under its row lock (the meeting's row is share-locked first:
 * rows are always locked meeting first). NOT_FOUND when not invited. `change` says whether anything
 * changed, and so whether there is an event.
 */
function changeOwnParticipation(
  scope: WriteScope,
  viewer: User,
  meetingId: string,
  change: (participant: MeetingParticipant, meeting: Meeting) => boolean,
): Promise<MeetingParticipant> {
  const id = parseId(meetingId, 'meetingId');
  return writeWithEvents(scope, async (em) => {
    const meeting = await findVisibleMeeting(em, viewer, id, { lock: 'share', field: 'meetingId' });
    const own = await em.findOne(MeetingParticipant, { meeting: id, user: viewer.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!own) throw notFound('Invitation');
    const changed = change(own, meeting);
    return { result: own, events: changed ? [participantEvent(MeetingEventType.PARTICIPANT_UPDATED, own)] : [] };
  });
}

export function respondToInvitation(scope: WriteScope, viewer: User, meetingId: string, response: InvitationResponse): Promise<MeetingParticipant> {
  return changeOwnParticipation(scope, viewer, meetingId, (participant, meeting) => {
    if (meeting.status !== MeetingStatus.SCHEDULED && meeting.status !== MeetingStatus.LIVE) {
      throw conflict(`The meeting is ${meeting.status.toLowerCase()}; invitations can no longer be answered`);
    }
    participant.respond(response, scope.clock.now());
    return true;
  });
}

/** Enters a live meeting: a manager as moderator; a student counts as PRESENT from now. */
export async function joinMeeting(scope: JoinScope, viewer: User, meetingId: string): Promise<JoinInfo> {
  const meeting = await findVisibleMeeting(scope.em, viewer, meetingId);
  const moderator = mayManage(viewer, meeting);
  if (moderator) {
    const refusal = joinRefusal(viewer, meeting, null);
    if (refusal) throw refused(refusal, meeting);
  } else {
    await changeOwnParticipation(scope, viewer, meeting.id, (participant, current) => {
      const refusal = joinRefusal(viewer, current, participant);
      if (refusal) throw refused(refusal, current);
      participant.enterRoom(scope.clock.now());
      return true;
    });
  }
  const { roomName, jwt } = await scope.roomTokens.access(meeting, viewer, moderator, scope.clock.now());
  return { domain: scope.config.jitsiDomain, roomName, jwt, displayName: viewer.displayName, moderator };
}

/** The room's heartbeat: keeps the visit open; an event only when it reopens one the timeout closed. */
export function reportPresence(scope: WriteScope, viewer: User, meetingId: string): Promise<MeetingParticipant> {
  return changeOwnParticipation(scope, viewer, meetingId, (participant, meeting) => {
    const refusal = joinRefusal(viewer, meeting, participant);
    if (refusal) throw refused(refusal, meeting);
    return participant.seenInRoom(scope.clock.now());
  });
}

export function leaveMeeting(scope: WriteScope, viewer: User, meetingId: string): Promise<MeetingParticipant> {
  return changeOwnParticipation(scope, viewer, meetingId, (participant) => participant.leaveRoom(scope.clock.now()));
}
