import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UserType } from '../../accounts/graphql/user.type';
import { requireViewer } from '../../accounts/graphql/viewer';
import type { UserView } from '../../accounts/model/user-view';
import { notFound } from '../../platform/errors';
import { parseId } from '../../platform/ids';
import { inviteStudents, removeParticipant } from '../commands/invitations';
import { joinMeeting, leaveMeeting, reportPresence, respondToInvitation } from '../commands/participation';
import type { MeetingParticipant } from '../model/participant.entity';
import { PRESENCE_TIMEOUT_SECONDS } from '../model/presence';
import { findInvitations } from '../read/invitations';
import type { MeetingRow } from '../read/meeting-row';
import { findParticipantRow, type ParticipantRow, type ParticipantSummary, type UserSummary } from '../read/participant-row';
import { InvitationResponse } from './enums';
import { JoinInfoType } from './join-info.type';
import { changed } from './meeting.resolver';
import { InvitationsArgs } from './meeting.inputs';
import { MeetingType } from './meeting.type';
import type { MeetingsContext } from './meetings-context';
import { ParticipantType } from './participant.type';

/** A changed invitation as it now reads; NOT_FOUND if it was withdrawn in the meantime. */
async function changedParticipant(ctx: MeetingsContext, participant: MeetingParticipant): Promise<ParticipantRow> {
  ctx.loaders.forgetMeeting(participant.meeting.id);
  const row = await findParticipantRow(ctx.em, participant.id);
  if (!row) throw notFound('Invitation');
  return row;
}

@Resolver(() => ParticipantType)
export class ParticipantResolver {
  @Authorized()
  @Query(() => [ParticipantType], { description: 'The signed-in student’s invitations, with their meetings.' })
  myInvitations(@Ctx() ctx: MeetingsContext, @Args(() => InvitationsArgs) { when }: InvitationsArgs): Promise<ParticipantRow[]> {
    return findInvitations(ctx.em, requireViewer(ctx), when, ctx.clock.now(), ctx.loaders.meetings);
  }

  @Authorized()
  @Mutation(() => MeetingType, { description: 'Invites students; those already invited are left as they are.' })
  async inviteStudents(
    @Ctx() ctx: MeetingsContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('studentIds', () => [ID]) studentIds: string[],
  ): Promise<MeetingRow> {
    return changed(ctx, await inviteStudents(ctx, requireViewer(ctx), meetingId, studentIds));
  }

  @Authorized()
  @Mutation(() => MeetingType)
  async removeParticipant(
    @Ctx() ctx: MeetingsContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('userId', () => ID) userId: string,
  ): Promise<MeetingRow> {
    return changed(ctx, await removeParticipant(ctx, requireViewer(ctx), meetingId, userId));
  }

  @Authorized()
  @Mutation(() => ParticipantType)
  async respondToInvitation(
    @Ctx() ctx: MeetingsContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('response', () => InvitationResponse) response: InvitationResponse,
  ): Promise<ParticipantRow> {
    return changedParticipant(ctx, await respondToInvitation(ctx, requireViewer(ctx), meetingId, response));
  }

  @Authorized()
  @Mutation(() => JoinInfoType, { description: 'Enters a live meeting: the room to open, and PRESENT for a student.' })
  async joinMeeting(@Ctx() ctx: MeetingsContext, @Arg('id', () => ID) id: string): Promise<JoinInfoType> {
    const joined = await joinMeeting(ctx, requireViewer(ctx), id);
    ctx.loaders.forgetMeeting(parseId(id, 'id'));
    return joined;
  }

  @Authorized()
  @Mutation(() => ParticipantType, {
    description: `Heartbeat from an open room, every 30 s: a student unseen for ${PRESENCE_TIMEOUT_SECONDS} s counts as gone since the last one.`,
  })
  async reportPresence(@Ctx() ctx: MeetingsContext, @Arg('meetingId', () => ID) meetingId: string): Promise<ParticipantRow> {
    return changedParticipant(ctx, await reportPresence(ctx, requireViewer(ctx), meetingId));
  }

  @Authorized()
  @Mutation(() => ParticipantType, { description: 'Records that the student left the room.' })
  async leaveMeeting(@Ctx() ctx: MeetingsContext, @Arg('id', () => ID) id: string): Promise<ParticipantRow> {
    return changedParticipant(ctx, await leaveMeeting(ctx, requireViewer(ctx), id));
  }

  @FieldResolver(() => MeetingType)
  async meeting(@Root() participant: ParticipantRow | ParticipantSummary, @Ctx() ctx: MeetingsContext): Promise<MeetingRow> {
    const meeting = await ctx.loaders.meetings.load(participant.meetingId);
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }

  @FieldResolver(() => UserType)
  user(@Root() participant: ParticipantRow | ParticipantSummary): UserView | UserSummary {
    return participant.user;
  }
}
