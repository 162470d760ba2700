import type { Role } from '@bedring/domain/access/roles';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useSession } from './session.resource.ts';
import { startPath } from './start-path.ts';

/** Sends visitors without a session to the login page, and users to their own start page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorMessage error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data)
    return <Navigate to="/logg-inn" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return children;
}

export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { data } = useSession();
  if (!data) return null;
  if (!roles.includes(data.role)) return <Navigate to={startPath(data.role)} replace />;
  return children;
}

export function StartRedirect() {
  const { data } = useSession();
  return <Navigate to={data ? startPath(data.role) : '/logg-inn'} replace />;
}
