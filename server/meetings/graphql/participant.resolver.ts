import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../composition/context';
import { Meeting } from '../model/meeting.entity';
import { InvitationsArgs } from './meeting.inputs';
import { User, type UserView } from '../../accounts/model/user.entity';
import { JoinInfoType } from './join-info.type';
import { MeetingParticipant } from '../model/participant.entity';
import type { ParticipantRow, ParticipantSummary, UserSummary } from '../read/participant-row';
import { PRESENCE_TIMEOUT_SECONDS } from '../model/presence';
import {
  inviteStudents,
  joinMeeting,
  leaveMeeting,
  myInvitations,
  removeParticipant,
  reportPresence,
  respondToInvitation,
} from '../commands/participant-commands';
import { InvitationResponse } from '../model/participant-status';

@Resolver(() => MeetingParticipant)
export class ParticipantResolver {
  @Authorized()
  @Query(() => [MeetingParticipant], { description: 'The signed-in student’s invitations, with their meetings.' })
  myInvitations(@Ctx() ctx: Context, @Args(() => InvitationsArgs) { when }: InvitationsArgs): Promise<MeetingParticipant[]> {
    return myInvitations(ctx, when);
  }

  @Authorized()
  @Mutation(() => Meeting, { description: 'Invites students; those already invited are left as they are.' })
  inviteStudents(
    @Ctx() ctx: Context,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('studentIds', () => [ID]) studentIds: string[],
  ): Promise<Meeting> {
    return inviteStudents(ctx, meetingId, studentIds);
  }

  @Authorized()
  @Mutation(() => Meeting)
  removeParticipant(
    @Ctx() ctx: Context,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('userId', () => ID) userId: string,
  ): Promise<Meeting> {
    return removeParticipant(ctx, meetingId, userId);
  }

  @Authorized()
  @Mutation(() => MeetingParticipant)
  respondToInvitation(
    @Ctx() ctx: Context,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('response', () => InvitationResponse) response: InvitationResponse,
  ): Promise<MeetingParticipant> {
    return respondToInvitation(ctx, meetingId, response);
  }

  @Authorized()
  @Mutation(() => JoinInfoType, { description: 'Enters a live meeting: the room to open, and PRESENT for a student.' })
  joinMeeting(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<JoinInfoType> {
    return joinMeeting(ctx, id);
  }

  @Authorized()
  @Mutation(() => MeetingParticipant, {
    description: `Heartbeat from an open room, every 30 s: a student unseen for ${PRESENCE_TIMEOUT_SECONDS} s counts as gone since the last one.`,
  })
  reportPresence(@Ctx() ctx: Context, @Arg('meetingId', () => ID) meetingId: string): Promise<MeetingParticipant> {
    return reportPresence(ctx, meetingId);
  }

  @Authorized()
  @Mutation(() => MeetingParticipant, { description: 'Records that the student left the room.' })
  leaveMeeting(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<MeetingParticipant> {
    return leaveMeeting(ctx, id);
  }

  @FieldResolver(() => Meeting)
  meeting(@Root() participant: MeetingParticipant | ParticipantRow | ParticipantSummary, @Ctx() ctx: Context): Promise<Meeting> {
    const meeting = participant instanceof MeetingParticipant ? participant.meeting : ctx.em.getReference(Meeting, participant.meetingId, { wrapped: true });
    return meeting.load({ dataloader: true }) as Promise<Meeting>;
  }

  /** Entities come from changes and invitation lists; rows and summaries, with their users, from pages of meetings. */
  @FieldResolver(() => User)
  user(@Root() participant: MeetingParticipant | ParticipantRow | ParticipantSummary): Promise<UserView> | UserView | UserSummary {
    return participant instanceof MeetingParticipant ? (participant.user.load({ dataloader: true }) as Promise<User>) : participant.user;
  }
}
