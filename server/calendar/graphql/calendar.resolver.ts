import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../composition/context';
import { badUserInput } from '../../platform/errors';
import { Meeting } from '../../meetings/model/meeting.entity';
import { EARLIEST_STORABLE_TIME, LATEST_STORABLE_TIME, requireViewer } from '../../meetings/commands/meeting-commands';
import { meetingsBetween, takingPartIn } from '../../meetings/read/meetings-between';

/** Six weeks fill a month view, with its leading and trailing days; a little more for time zones. */
export const MAX_CALENDAR_DAYS = 45;
const MAX_CALENDAR_MEETINGS = 1000;

@Resolver()
export class CalendarResolver {
  @Authorized()
  @Query(() => [Meeting], {
    description: `The meetings the signed-in user teaches or is invited to (declined ones included) overlapping [from, to), soonest first; at most ${MAX_CALENDAR_DAYS} days.`,
  })
  calendar(
    @Ctx() ctx: Context,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
  ): Promise<Meeting[]> {
    const viewer = requireViewer(ctx);
    for (const [field, date] of [['from', from], ['to', to]] as const) {
      if (date.getTime() < EARLIEST_STORABLE_TIME || date.getTime() > LATEST_STORABLE_TIME) {
        throw badUserInput(field, `${field} must be between the years 1 and 9999`);
      }
    }
    if (to <= from) throw badUserInput('to', 'to must be after from');
    if (to.getTime() - from.getTime() > MAX_CALENDAR_DAYS * 86_400_000) {
      throw badUserInput('to', `A calendar covers at most ${MAX_CALENDAR_DAYS} days`);
    }
    return meetingsBetween(ctx.em, takingPartIn(viewer, { includeDeclined: true }), from, to, MAX_CALENDAR_MEETINGS);
  }
}
