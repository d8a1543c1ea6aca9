import { unauthenticated } from '../../platform/errors';
import type { User } from '../model/user.entity';

/** The signed-in user, for an operation that needs one; UNAUTHENTICATED without. */
export function requireViewer(ctx: { viewer: User | null }): User {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}
