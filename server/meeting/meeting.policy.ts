import { Role } from '../user/role';
import type { User } from '../user/user.entity';
import type { Meeting } from './meeting.entity';

/** The owner instructor and admins run a meeting; invited students only take part. */
export function canManage(viewer: User, meeting: Meeting): boolean {
  return viewer.role === Role.ADMIN || meeting.instructor.id === viewer.id;
}
