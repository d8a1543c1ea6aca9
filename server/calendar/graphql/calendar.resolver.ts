import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { requireViewer } from '../../accounts/graphql/viewer';
import { meetingsTakenPartIn } from '../../meetings/access';
import { MeetingType } from '../../meetings/graphql/meeting.type';
import { isStorableTime } from '../../meetings/model/storable-time';
import type { MeetingRow } from '../../meetings/read/meeting-row';
import { meetingsBetween } from '../../meetings/read/meetings-between';
import { badUserInput } from '../../platform/errors';
import type { CalendarContext } from '../calendar-context';

/** Six weeks fill a month view, with its leading and trailing days; a little more for time zones. */
export const MAX_CALENDAR_DAYS = 45;
const MAX_CALENDAR_MEETINGS = 1000;

@Resolver()
export class CalendarResolver {
  @Authorized()
  @Query(() => [MeetingType], {
    description: `The meetings the signed-in user teaches or is invited to (declined ones included) overlapping [from, to), soonest first; at most ${MAX_CALENDAR_DAYS} days.`,
  })
  calendar(
    @Ctx() ctx: CalendarContext,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
  ): Promise<MeetingRow[]> {
    const viewer = requireViewer(ctx);
    for (const [field, date] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (!isStorableTime(date.getTime())) {
        throw badUserInput(field, `${field} must be between the years 1 and 9999`);
      }
    }
    if (to <= from) throw badUserInput('to', 'to must be after from');
    if (to.getTime() - from.getTime() > MAX_CALENDAR_DAYS * 86_400_000) {
      throw badUserInput('to', `A calendar covers at most ${MAX_CALENDAR_DAYS} days`);
    }
    return meetingsBetween(ctx.em, meetingsTakenPartIn(viewer, { declinedToo: true }), from, to, MAX_CALENDAR_MEETINGS);
  }
}
