import { ApolloProvider, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { createApolloSession, type ApolloSession } from '../apollo';
import { ErrorState } from '../ui/ErrorState';
import { LoadingState } from '../ui/LoadingState';
import { useToast } from '../ui/Toaster';
import { readToken, writeToken } from './session-token';
import { MeQuery, type Viewer } from './viewer';

interface Session {
  /** Null when signed out. */
  viewer: Viewer | null;
  /** The graphql-ws connection of this session, for live events. */
  socket: ApolloSession['socket'];
  signIn(token: string, viewer: Viewer): void;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionProvider>');
  return session;
}

/** The signed-in user, for screens that are only reachable when signed in. */
export function useViewer(): Viewer {
  const { viewer } = useSession();
  if (!viewer) throw new Error('useViewer() while signed out');
  return viewer;
}

/** Keeps the token, the Apollo client made for it and the signed-in user; ends the session on UNAUTHENTICATED. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const toast = useToast();
  const [token, setToken] = useState(readToken);
  const expire = useRef<() => void>(() => {});
  const [apollo, setApollo] = useState(() => createApolloSession({ token, onUnauthenticated: () => expire.current() }));

  const replaceSession = useCallback(
    (nextToken: string | null) => {
      apollo.dispose();
      writeToken(nextToken);
      setToken(nextToken);
      const next = createApolloSession({ token: nextToken, onUnauthenticated: () => expire.current() });
      setApollo(next);
      return next;
    },
    [apollo],
  );

  useEffect(() => {
    expire.current = () => {
      if (!readToken()) return;
      replaceSession(null);
      toast.show(t('auth.expired'), 'error');
      navigate('/sign-in', { replace: true, state: { from: location } });
    };
  }, [replaceSession, navigate, location, toast, t]);

  const me = useQuery(MeQuery, { client: apollo.client, skip: !token, fetchPolicy: 'cache-first' });
  const tokenWithoutUser = Boolean(token && me.data && !me.data.me);
  useEffect(() => {
    if (tokenWithoutUser) expire.current();
  }, [tokenWithoutUser]);

  const session = useMemo<Session>(
    () => ({
      viewer: token ? (me.data?.me ?? null) : null,
      socket: apollo.socket,
      signIn(nextToken, viewer) {
        replaceSession(nextToken).client.writeQuery({ query: MeQuery, data: { me: viewer } });
      },
      signOut() {
        replaceSession(null);
        toast.show(t('auth.signedOut'), 'success');
        navigate('/sign-in', { replace: true });
      },
    }),
    [token, me.data, apollo, replaceSession, toast, t, navigate],
  );

  let content = children;
  if (token && !me.data?.me) {
    content = me.error ? (
      <main className="page page--centered">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </main>
    ) : (
      <main className="page page--centered">
        <LoadingState label={t('auth.loadingSession')} />
      </main>
    );
  }

  return (
    <ApolloProvider client={apollo.client}>
      <SessionContext.Provider value={session}>{content}</SessionContext.Provider>
    </ApolloProvider>
  );
}
