import type { FilterQuery } from '@mikro-orm/core';
import type { Meeting } from '../model/meeting.entity';
import { MeetingStatus } from '../model/meeting-status';

/** Which meetings a list shows: UPCOMING, live or not over yet; PAST, ended or over without going live; or ALL. */
export enum MeetingWhen {
  UPCOMING = 'UPCOMING',
  PAST = 'PAST',
  ALL = 'ALL',
}

/** SQL twin of isPast() (meeting-schedule.ts): keep the two in step. */
export function whenFilter(when: MeetingWhen, now: Date): FilterQuery<Meeting> {
  switch (when) {
    case MeetingWhen.UPCOMING:
      return { $or: [{ status: MeetingStatus.LIVE }, { status: { $ne: MeetingStatus.ENDED }, endsAt: { $gt: now } }] };
    case MeetingWhen.PAST:
      return { $or: [{ status: MeetingStatus.ENDED }, { status: { $ne: MeetingStatus.LIVE }, endsAt: { $lte: now } }] };
    case MeetingWhen.ALL:
      return {};
  }
}

/** Upcoming meetings soonest first; past and all, most recent first. */
export function whenOrder(when: MeetingWhen): 'asc' | 'desc' {
  return when === MeetingWhen.UPCOMING ? 'asc' : 'desc';
}
