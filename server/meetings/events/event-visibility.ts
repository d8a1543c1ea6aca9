import { canManage } from '../access';
import type { User } from '../../accounts/model/user.entity';
import type { EventDelivery } from './event-delivery';
import { MeetingEventType, PARTICIPANT_EVENT_TYPES } from '../model/meeting-event-type';

/**
 * Who receives an event, judged on the meeting as it is now: its managers always; an invited student
 * the meeting's own events, and participant events about themselves only. A removed student gets
 * their UNINVITED event and nothing of that meeting after it.
 */
export function canReceive(viewer: User, { record, meeting, invitedUserIds }: EventDelivery): boolean {
  if (canManage(viewer, meeting)) return true;
  if (record.type === MeetingEventType.UNINVITED) return record.userId === viewer.id;
  const invited = invitedUserIds.has(viewer.id);
  if (PARTICIPANT_EVENT_TYPES.has(record.type)) return invited && record.userId === viewer.id;
  return invited;
}
