import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Extensions, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../composition/context';
import { DEPENDS_ON_VIEWER } from '../../graphql/viewer-dependent';
import { AttendanceRecord, attendanceOf } from '../attendance/attendance';
import { MeetingParticipant } from '../model/participant.entity';
import type { ParticipantRow, ParticipantSummary } from '../read/participant-row';
import { asksForSummariesOnly } from './participant-selection';
import { Rsvp } from '../model/participant-status';
import { Role } from '../../accounts/model/role';
import { User, type UserView } from '../../accounts/model/user.entity';
import { MeetingConnection } from './meeting.connection';
import { Meeting } from '../model/meeting.entity';
import { CreateMeetingInput, MeetingsArgs, UpdateMeetingInput } from './meeting.inputs';
import { canManage } from '../access';
import {
  cancelMeeting,
  createMeeting,
  endMeeting,
  findVisibleMeeting,
  listMeetings,
  managedParticipants,
  requireViewer,
  startMeeting,
  updateMeeting,
} from '../commands/meeting-commands';
import type { MeetingView } from '../read/meeting-row';
import { isPast, whyCannotStart } from '../model/meeting-schedule';
import { MeetingStatus } from '../model/meeting-status';

@Resolver(() => Meeting)
export class MeetingResolver {
  @Authorized()
  @Query(() => MeetingConnection, {
    description: 'Instructors see the meetings they own, admins all, students those they are invited to.',
  })
  meetings(@Ctx() ctx: Context, @Args(() => MeetingsArgs) args: MeetingsArgs): Promise<MeetingConnection> {
    return listMeetings(ctx, args);
  }

  @Authorized()
  @Query(() => Meeting, { nullable: true })
  meeting(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Meeting> {
    return findVisibleMeeting(ctx, id);
  }

  @Authorized(Role.INSTRUCTOR, Role.ADMIN)
  @Mutation(() => Meeting)
  createMeeting(@Ctx() ctx: Context, @Arg('input', () => CreateMeetingInput) input: CreateMeetingInput): Promise<Meeting> {
    return createMeeting(ctx, input);
  }

  @Authorized()
  @Mutation(() => Meeting)
  updateMeeting(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMeetingInput) input: UpdateMeetingInput,
  ): Promise<Meeting> {
    return updateMeeting(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => Meeting)
  cancelMeeting(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ): Promise<Meeting> {
    return cancelMeeting(ctx, id, reason ?? null);
  }

  @Authorized()
  @Mutation(() => Meeting, { description: 'Goes live: from 15 minutes before the scheduled time until its end.' })
  startMeeting(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Meeting> {
    return startMeeting(ctx, id);
  }

  @Authorized()
  @Mutation(() => Meeting, { description: 'Ends a live meeting; invited students who never joined become ABSENT.' })
  endMeeting(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Meeting> {
    return endMeeting(ctx, id);
  }

  @FieldResolver(() => User)
  instructor(@Root() meeting: MeetingView): Promise<UserView> | UserView {
    return meeting instanceof Meeting ? (meeting.instructor.load({ dataloader: true }) as Promise<User>) : meeting.instructor;
  }

  @Extensions(DEPENDS_ON_VIEWER)
  @FieldResolver(() => [MeetingParticipant], {
    description: 'Everyone invited, for the instructor and admins; a student sees only their own invitation.',
  })
  async participants(
    @Root() meeting: MeetingView,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ParticipantRow[] | ParticipantSummary[]> {
    if (canManage(requireViewer(ctx), meeting)) {
      return asksForSummariesOnly(info) ? ctx.loaders.participantSummaries.load(meeting.id) : ctx.loaders.participants.load(meeting.id);
    }
    const own = await ctx.loaders.viewerParticipation.load(meeting.id);
    return own ? [own] : [];
  }

  @FieldResolver(() => Int)
  async participantCount(@Root() meeting: MeetingView, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.counts.load(meeting.id)).invited;
  }

  @FieldResolver(() => Int, { description: 'Students who accepted the invitation.' })
  async acceptedCount(@Root() meeting: MeetingView, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.counts.load(meeting.id)).accepted;
  }

  @FieldResolver(() => Int, { description: 'Students who joined the room at least once.' })
  async presentCount(@Root() meeting: MeetingView, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.counts.load(meeting.id)).present;
  }

  @FieldResolver(() => Int, { description: 'Students in the room right now.' })
  async inRoomCount(@Root() meeting: MeetingView, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.counts.load(meeting.id)).inRoom;
  }

  @FieldResolver(() => Boolean)
  isUpcoming(@Root() meeting: MeetingView, @Ctx() ctx: Context): boolean {
    return !isPast(meeting, ctx.clock.now());
  }

  @FieldResolver(() => Boolean)
  isPast(@Root() meeting: MeetingView, @Ctx() ctx: Context): boolean {
    return isPast(meeting, ctx.clock.now());
  }

  @Extensions(DEPENDS_ON_VIEWER)
  @FieldResolver(() => Boolean, { description: 'Whether the viewer may start the meeting now.' })
  canStart(@Root() meeting: MeetingView, @Ctx() ctx: Context): boolean {
    return canManage(requireViewer(ctx), meeting) && whyCannotStart(meeting, ctx.clock.now()) === null;
  }

  @Extensions(DEPENDS_ON_VIEWER)
  @FieldResolver(() => Boolean, { description: 'Whether the viewer may enter the room now.' })
  async canJoin(@Root() meeting: MeetingView, @Ctx() ctx: Context): Promise<boolean> {
    if (meeting.status !== MeetingStatus.LIVE) return false;
    if (canManage(requireViewer(ctx), meeting)) return true;
    const own = await ctx.loaders.viewerParticipation.load(meeting.id);
    return own !== null && own.rsvp !== Rsvp.DECLINED;
  }

  @Extensions(DEPENDS_ON_VIEWER)
  @FieldResolver(() => MeetingParticipant, { nullable: true, description: 'The viewer’s own invitation, if any.' })
  myParticipation(@Root() meeting: MeetingView, @Ctx() ctx: Context): Promise<ParticipantRow | null> {
    return ctx.loaders.viewerParticipation.load(meeting.id);
  }

  @Extensions(DEPENDS_ON_VIEWER)
  @FieldResolver(() => [AttendanceRecord], {
    nullable: true,
    description: 'Each student’s RSVP next to their attendance; for the instructor and admins (FORBIDDEN for others).',
  })
  async attendance(@Root() meeting: MeetingView, @Ctx() ctx: Context): Promise<AttendanceRecord[]> {
    return attendanceOf(await managedParticipants(ctx, meeting), ctx.clock.now());
  }

  @Extensions(DEPENDS_ON_VIEWER)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The Jitsi room, for the instructor and admins; students get it from joinMeeting once live.',
  })
  roomName(@Root() meeting: MeetingView, @Ctx() ctx: Context): string | null {
    return canManage(requireViewer(ctx), meeting) ? meeting.roomName : null;
  }
}
