import { LockMode } from '@mikro-orm/core';
import type { Context } from '../../composition/context';
import type { EventDraft } from '../events/append-events';
import { MeetingEventType } from '../model/meeting-event-type';
import { writeWithEvents } from '../events/write-with-events';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { parseId } from '../../platform/ids';
import { MeetingStatus } from '../model/meeting-status';
import { changeManagedMeeting, findVisibleMeeting, requireViewer } from './meeting-commands';
import type { Meeting } from '../model/meeting.entity';
import type { MeetingWhen } from '../graphql/meeting.inputs';
import { canManage } from '../access';
import { whenFilter, whenOrder } from '../read/meeting-window';
import { mailTo } from '../notices/mail-job';
import { inviteStudentsInto } from './invitations';
import { MeetingParticipant } from '../model/participant.entity';
import type { InvitationResponse } from '../model/participant-status';

export interface JoinInfo {
  domain: string;
  roomName: string;
  jwt: string | null;
  displayName: string;
  moderator: boolean;
}

export function inviteStudents(ctx: Context, meetingId: string, studentIds: string[]): Promise<Meeting> {
  return changeManagedMeeting(
    ctx,
    meetingId,
    async (meeting, em) => {
      meeting.assertOpenForInvitations();
      const invited = await inviteStudentsInto(em, meeting, studentIds, ctx.clock.now());
      return {
        result: meeting,
        events: invited.map((participant) => participantEvent(MeetingEventType.INVITED, participant)),
        mail: mailTo(invited.map((participant) => participant.user.id), 'invitation', meeting),
      };
    },
    'meetingId',
  );
}

export function removeParticipant(ctx: Context, meetingId: string, userId: string): Promise<Meeting> {
  const user = parseId(userId, 'userId');
  return changeManagedMeeting(
    ctx,
    meetingId,
    async (meeting, em) => {
      meeting.assertOpenForInvitations();
      const participant = await em.findOne(MeetingParticipant, { meeting: meeting.id, user });
      if (!participant) throw notFound('Participant');
      em.remove(participant);
      return {
        result: meeting,
        events: [participantEvent(MeetingEventType.UNINVITED, participant)],
        mail: mailTo([participant.user.id], 'uninvitation', meeting),
      };
    },
    'meetingId',
  );
}

export function participantEvent(type: MeetingEventType, participant: MeetingParticipant): EventDraft {
  return { type, meetingId: participant.meeting.id, participantId: participant.id, userId: participant.user.id };
}

/**
 * Changes the viewer's own invitation under its row lock (the meeting's row is share-locked first:
 * rows are always locked meeting first). NOT_FOUND when not invited. `change` says whether anything
 * changed, and so whether there is an event.
 */
async function changeOwnParticipation(
  ctx: Context,
  meetingId: string,
  change: (participant: MeetingParticipant, meeting: Meeting) => boolean,
): Promise<MeetingParticipant> {
  const viewer = requireViewer(ctx);
  const id = parseId(meetingId, 'meetingId');
  const participant = await writeWithEvents(ctx, async (em) => {
    const meeting = await findVisibleMeeting(ctx, id, { em, lock: 'share', field: 'meetingId' });
    const own = await em.findOne(MeetingParticipant, { meeting: id, user: viewer.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!own) throw notFound('Invitation');
    const changed = change(own, meeting);
    return { result: own, events: changed ? [participantEvent(MeetingEventType.PARTICIPANT_UPDATED, own)] : [] };
  });
  ctx.loaders.forgetMeeting(id);
  return participant;
}

export function respondToInvitation(ctx: Context, meetingId: string, response: InvitationResponse): Promise<MeetingParticipant> {
  return changeOwnParticipation(ctx, meetingId, (participant, meeting) => {
    if (meeting.status !== MeetingStatus.SCHEDULED && meeting.status !== MeetingStatus.LIVE) {
      throw conflict(`The meeting is ${meeting.status.toLowerCase()}; invitations can no longer be answered`);
    }
    participant.respond(response, ctx.clock.now());
    return true;
  });
}

/** Only into a live meeting, and not after declining it. */
function assertMayEnter(participant: MeetingParticipant, meeting: Meeting): void {
  if (meeting.status !== MeetingStatus.LIVE) throw conflict(`The meeting is ${meeting.status.toLowerCase()}, not live`);
  if (participant.hasDeclined) throw forbidden('You declined this meeting; accept the invitation to join it');
}

export async function joinMeeting(ctx: Context, meetingId: string): Promise<JoinInfo> {
  const viewer = requireViewer(ctx);
  const meeting = await findVisibleMeeting(ctx, meetingId);
  const moderator = canManage(viewer, meeting);
  if (moderator) {
    if (meeting.status !== MeetingStatus.LIVE) throw conflict(`The meeting is ${meeting.status.toLowerCase()}, not live`);
  } else {
    await changeOwnParticipation(ctx, meeting.id, (participant, current) => {
      assertMayEnter(participant, current);
      participant.enterRoom(ctx.clock.now());
      return true;
    });
  }
  const { roomName, jwt } = await ctx.roomTokens.access(meeting, viewer, moderator, ctx.clock.now());
  return { domain: ctx.config.jitsiDomain, roomName, jwt, displayName: viewer.displayName, moderator };
}

/** The room's heartbeat: keeps the visit open; an event only when it reopens one the timeout closed. */
export function reportPresence(ctx: Context, meetingId: string): Promise<MeetingParticipant> {
  return changeOwnParticipation(ctx, meetingId, (participant, meeting) => {
    assertMayEnter(participant, meeting);
    return participant.seenInRoom(ctx.clock.now());
  });
}

export function leaveMeeting(ctx: Context, meetingId: string): Promise<MeetingParticipant> {
  return changeOwnParticipation(ctx, meetingId, (participant) => participant.leaveRoom(ctx.clock.now()));
}

export async function myInvitations(ctx: Context, when: MeetingWhen): Promise<MeetingParticipant[]> {
  const viewer = requireViewer(ctx);
  const direction = whenOrder(when);
  return ctx.em.find(
    MeetingParticipant,
    { user: viewer.id, meeting: whenFilter(when, ctx.clock.now()) },
    { populate: ['meeting', 'meeting.instructor'], orderBy: { meeting: { scheduledAt: direction, id: direction } }, limit: 500 },
  );
}
