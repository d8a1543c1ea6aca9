import { Role } from '../user/role';
import type { User } from '../user/user.entity';

/** The owner instructor and admins run a meeting; invited students only take part. */
export function canManage(viewer: User, meeting: { instructor: { id: string } }): boolean {
  return viewer.role === Role.ADMIN || meeting.instructor.id === viewer.id;
}
