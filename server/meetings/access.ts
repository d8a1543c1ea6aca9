import { Role } from '../accounts/model/role';
import type { User } from '../accounts/model/user.entity';

/** The owner instructor and admins run a meeting; invited students only take part. */
export function canManage(viewer: User, meeting: { instructor: { id: string } }): boolean {
  return managesMeetingsOf(viewer, meeting.instructor.id);
}

export function managesMeetingsOf(viewer: User, instructorId: string): boolean {
  return managesEveryMeeting(viewer) || instructorId === viewer.id;
}

export function managesEveryMeeting(viewer: Pick<User, 'role'>): boolean {
  return viewer.role === Role.ADMIN;
}
