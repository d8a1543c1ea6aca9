import { LockMode } from '@mikro-orm/core';
import type { Context } from '../context';
import { conflict, forbidden, notFound } from '../errors';
import { parseId } from '../ids';
import { MeetingStatus } from '../meeting/meeting-status';
import { changeManagedMeeting, findVisibleMeeting, requireViewer } from '../meeting/meeting.service';
import type { Meeting } from '../meeting/meeting.entity';
import type { MeetingWhen } from '../meeting/meeting.inputs';
import { canManage } from '../meeting/meeting.policy';
import { whenFilter, whenOrder } from '../meeting/meeting-window';
import { inviteStudentsInto } from './invitations';
import { MeetingParticipant } from './participant.entity';
import type { InvitationResponse } from './participant-status';

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
      await inviteStudentsInto(em, meeting, studentIds, ctx.clock.now());
      return meeting;
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
      return meeting;
    },
    'meetingId',
  );
}

/** The viewer's own invitation to a meeting, locked for the change; NOT_FOUND when not invited. */
async function changeOwnParticipation(
  ctx: Context,
  meetingId: string,
  change: (participant: MeetingParticipant, meeting: Meeting) => void,
): Promise<MeetingParticipant> {
  const viewer = requireViewer(ctx);
  const id = parseId(meetingId, 'meetingId');
  const participant = await ctx.em.transactional(async (em) => {
    const meeting = await findVisibleMeeting(ctx, id, { em, field: 'meetingId' });
    const own = await em.findOne(
      MeetingParticipant,
      { meeting: id, user: viewer.id },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!own) throw notFound('Invitation');
    change(own, meeting);
    return own;
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
  });
}

export async function joinMeeting(ctx: Context, meetingId: string): Promise<JoinInfo> {
  const viewer = requireViewer(ctx);
  const meeting = await findVisibleMeeting(ctx, meetingId);
  const moderator = canManage(viewer, meeting);
  const assertLive = (current: Meeting) => {
    if (current.status !== MeetingStatus.LIVE) throw conflict(`The meeting is ${current.status.toLowerCase()}, not live`);
  };
  if (moderator) {
    assertLive(meeting);
  } else {
    await changeOwnParticipation(ctx, meeting.id, (participant, current) => {
      assertLive(current);
      if (participant.hasDeclined) throw forbidden('You declined this meeting; accept the invitation to join it');
      participant.enterRoom(ctx.clock.now());
    });
  }
  return {
    domain: ctx.config.jitsiDomain,
    roomName: meeting.roomName,
    jwt: null,
    displayName: viewer.displayName,
    moderator,
  };
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
