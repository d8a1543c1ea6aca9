import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../gql/graphql';
import { useSession } from './SessionProvider';

/** Screens for signed-in users (optionally of some roles only); others go to sign in, or home. */
export function RequireSignIn({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { viewer } = useSession();
  const location = useLocation();
  if (!viewer) return <Navigate to="/sign-in" replace state={{ from: location }} />;
  if (roles && !roles.includes(viewer.role)) return <Navigate to="/" replace />;
  return children;
}
