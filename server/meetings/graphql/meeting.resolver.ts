import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Extensions, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UserType } from '../../accounts/graphql/user.type';
import { requireViewer } from '../../accounts/graphql/viewer';
import type { UserView } from '../../accounts/model/user-view';
import { DEPENDS_ON_VIEWER } from '../../graphql/viewer-dependent';
import { joinRefusal, mayManage } from '../access';
import { type AttendanceRecord, attendanceOf } from '../attendance/attendance';
import { cancelMeeting, endMeeting, startMeeting } from '../commands/lifecycle';
import { createMeeting, updateMeeting } from '../commands/schedule';
import type { Meeting } from '../model/meeting.entity';
import { isPast, whyCannotStart } from '../model/meeting-schedule';
import { managedParticipants } from '../read/managed-participants';
import { findVisibleMeetingRow, listMeetings } from '../read/meeting-list';
import { type MeetingRow, meetingCursor } from '../read/meeting-row';
import type { ParticipantRow, ParticipantSummary } from '../read/participant-row';
import { AttendanceRecordType } from './attendance.type';
import { Role } from '../../accounts/graphql/enums';
import { MeetingConnection } from './meeting.connection';
import { CreateMeetingInput, MeetingsArgs, UpdateMeetingInput } from './meeting.inputs';
import { MeetingType } from './meeting.type';
import type { MeetingsContext } from './meetings-context';
import { ParticipantType } from './participant.type';
import { asksForSummariesOnly } from './participant-selection';

/** A changed meeting as it now reads: later reads in the same request see the change. */
export function changed(ctx: MeetingsContext, meeting: Pick<Meeting, 'id'>): Promise<MeetingRow> {
  ctx.loaders.forgetMeeting(meeting.id);
  return ctx.loaders.meetings.load(meeting.id) as Promise<MeetingRow>;
}

@Resolver(() => MeetingType)
export class MeetingResolver {
  @Authorized()
  @Query(() => MeetingConnection, {
    description: 'Instructors see the meetings they own, admins all, students those they are invited to.',
  })
  async meetings(@Ctx() ctx: MeetingsContext, @Args(() => MeetingsArgs) args: MeetingsArgs): Promise<MeetingConnection> {
    const { rows, hasNextPage } = await listMeetings(ctx.em, requireViewer(ctx), args, ctx.clock.now());
    const edges = rows.map((node) => ({ node, cursor: meetingCursor(node) }));
    return {
      edges,
      pageInfo: {
        hasNextPage,
        hasPreviousPage: args.after != null,
        startCursor: edges.at(0)?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Authorized()
  @Query(() => MeetingType, { nullable: true })
  meeting(@Ctx() ctx: MeetingsContext, @Arg('id', () => ID) id: string): Promise<MeetingRow> {
    return findVisibleMeetingRow(ctx.em, requireViewer(ctx), id);
  }

  @Authorized(Role.INSTRUCTOR, Role.ADMIN)
  @Mutation(() => MeetingType)
  async createMeeting(@Ctx() ctx: MeetingsContext, @Arg('input', () => CreateMeetingInput) input: CreateMeetingInput): Promise<MeetingRow> {
    return changed(ctx, await createMeeting(ctx, requireViewer(ctx), input));
  }

  @Authorized()
  @Mutation(() => MeetingType)
  async updateMeeting(
    @Ctx() ctx: MeetingsContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMeetingInput) input: UpdateMeetingInput,
  ): Promise<MeetingRow> {
    return changed(ctx, await updateMeeting(ctx, requireViewer(ctx), id, input));
  }

  @Authorized()
  @Mutation(() => MeetingType)
  async cancelMeeting(
    @Ctx() ctx: MeetingsContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ): Promise<MeetingRow> {
    return changed(ctx, await cancelMeeting(ctx, requireViewer(ctx), id, reason ?? null));
  }

  @Authorized()
  @Mutation(() => MeetingType, { description: 'Goes live: from 15 minutes before the scheduled time until its end.' })
  async startMeeting(@Ctx() ctx: MeetingsContext, @Arg('id', () => ID) id: string): Promise<MeetingRow> {
    return changed(ctx, await startMeeting(ctx, requireViewer(ctx), id));
  }

  @Authorized()
  @Mutation(() => MeetingType, { description: 'Ends a live meeting; invited students who never joined become ABSENT.' })
  async endMeeting(@Ctx() ctx: MeetingsContext, @Arg('id', () => ID) id: string): Promise<MeetingRow> {
    return changed(ctx, await endMeeting(ctx, requireViewer(ctx), id));
  }

  @FieldResolver(() => UserType)
  instructor(@Root() meeting: MeetingRow): UserView {
    return meeting.instructor;
  }

  @Extensions(DEPENDS_ON_VIEWER)
  @FieldResolver(() => [ParticipantType], {
    description: 'Everyone invited, for the instructor and admins; a student sees only their own invitation.',
  })
  async participants(
    @Root() meeting: MeetingRow,
    @Ctx() ctx: MeetingsContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ParticipantRow[] | ParticipantSummary[]> {
    if (mayManage(requireViewer(ctx), meeting)) {
      return asksForSummariesOnly(info) ? ctx.loaders.participantSummaries.load(meeting.id) : ctx.loaders.participants.load(meeting.id);
    }
    const own = await ctx.loaders.viewerParticipation.load(meeting.id);
    return own ? [own] : [];
  }

  @FieldResolver(() => Int)
  async participantCount(@Root() meeting: MeetingRow, @Ctx() ctx: MeetingsContext): Promise<number> {
    return (await ctx.loaders.counts.load(meeting.id)).invited;
  }

  @FieldResolver(() => Int, { description: 'Students who accepted the invitation.' })
  async acceptedCount(@Root() meeting: MeetingRow, @Ctx() ctx: MeetingsContext): Promise<number> {
    return (await ctx.loaders.counts.load(meeting.id)).accepted;
  }

  @FieldResolver(() => Int, { description: 'Students who joined the room at least once.' })
  async presentCount(@Root() meeting: MeetingRow, @Ctx() ctx: MeetingsContext): Promise<number> {
    return (await ctx.loaders.counts.load(meeting.id)).present;
  }

  @FieldResolver(() => Int, { description: 'Students in the room right now.' })
  async inRoomCount(@Root() meeting: MeetingRow, @Ctx() ctx: MeetingsContext): Promise<number> {
    return (await ctx.loaders.counts.load(meeting.id)).inRoom;
  }

  @FieldResolver(() => Boolean)
  isUpcoming(@Root() meeting: MeetingRow, @Ctx() ctx: MeetingsContext): boolean {
    return !isPast(meeting, ctx.clock.now());
  }

  @FieldResolver(() => Boolean)
  isPast(@Root() meeting: MeetingRow, @Ctx() ctx: MeetingsContext): boolean {
    return isPast(meeting, ctx.clock.now());
  }

  @Extensions(DEPENDS_ON_VIEWER)
  @FieldResolver(() => Boolean, { description: 'Whether the viewer may start the meeting now.' })
  canStart(@Root() meeting: MeetingRow, @Ctx() ctx: MeetingsContext): boolean {
    return mayManage(requireViewer(ctx), meeting) && whyCannotStart(meeting, ctx.clock.now()) === null;
  }

  @Extensions(DEPENDS_ON_VIEWER)
  @FieldResolver(() => Boolean, { description: 'Whether the viewer may enter the room now.' })
  async canJoin(@Root() meeting: MeetingRow, @Ctx() ctx: MeetingsContext): Promise<boolean> {
    const viewer = requireViewer(ctx);
    // Whether their own invitation matters is known before it is read: only for a student, and a live meeting.
    const uninvited = joinRefusal(viewer, meeting, null);
    if (uninvited !== 'not-invited') return uninvited === null;
    return joinRefusal(viewer, meeting, await ctx.loaders.viewerParticipation.load(meeting.id)) === null;
  }

  @Extensions(DEPENDS_ON_VIEWER)
  @FieldResolver(() => ParticipantType, { nullable: true, description: 'The viewer’s own invitation, if any.' })
  myParticipation(@Root() meeting: MeetingRow, @Ctx() ctx: MeetingsContext): Promise<ParticipantRow | null> {
    return ctx.loaders.viewerParticipation.load(meeting.id);
  }

  @Extensions(DEPENDS_ON_VIEWER)
  @FieldResolver(() => [AttendanceRecordType], {
    nullable: true,
    description: 'Each student’s RSVP next to their attendance; for the instructor and admins (FORBIDDEN for others).',
  })
  async attendance(@Root() meeting: MeetingRow, @Ctx() ctx: MeetingsContext): Promise<AttendanceRecord[]> {
    return attendanceOf(await managedParticipants(ctx.loaders, requireViewer(ctx), meeting), ctx.clock.now());
  }

  @Extensions(DEPENDS_ON_VIEWER)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The Jitsi room, for the instructor and admins; students get it from joinMeeting once live.',
  })
  roomName(@Root() meeting: MeetingRow, @Ctx() ctx: MeetingsContext): string | null {
    return mayManage(requireViewer(ctx), meeting) ? meeting.roomName : null;
  }
}
