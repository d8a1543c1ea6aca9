import type { AuthChecker } from 'type-graphql';
import type { User } from '../model/user.entity';
import { forbidden, unauthenticated } from '../../platform/errors';
import type { Role } from '../model/role';

/** `@Authorized()` needs a signed-in user; `@Authorized(Role.X, …)` one of those roles. */
export const authChecker: AuthChecker<{ viewer: User | null }, Role> = ({ context }, roles) => {
  if (!context.viewer) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.viewer.role)) throw forbidden();
  return true;
};
