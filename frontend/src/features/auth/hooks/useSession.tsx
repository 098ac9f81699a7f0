import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, onUnauthorized, tokenStore } from '../../../lib/api';
import { draftStore } from '../../../lib/drafts';
import type { User } from '../../../lib/types';
import { authApi } from '../api/authApi';

export type SessionStatus = 'checking' | 'anonymous' | 'authenticated';

export interface Session {
  status: SessionStatus;
  user: User | null;
  token: string | null;
  /** Why the last session ended, shown on the landing page. */
  notice: string | null;
  login: (login: string, password: string) => Promise<void>;
  signup: (username: string, email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** The server said the token is dead (401 or WebSocket 4401). */
  expire: () => void;
  setUser: (user: User) => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => tokenStore.get());
  const [user, setUser] = useState<User | null>(null);
  const [status, setStatus] = useState<SessionStatus>(() => (tokenStore.get() ? 'checking' : 'anonymous'));
  const [notice, setNotice] = useState<string | null>(null);

  const clear = useCallback((message: string | null) => {
    tokenStore.set(null);
    setToken(null);
    setUser(null);
    setStatus('anonymous');
    setNotice(message);
  }, []);

  const [retryTick, setRetryTick] = useState(0);

  // A stored token is only a hint: ask the server whether it still names a session.
  useEffect(() => {
    if (status !== 'checking' || !token) return;
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    authApi
      .me()
      .then(({ user: u }) => {
        if (cancelled) return;
        setUser(u);
        setNotice(null);
        setStatus('authenticated');
      })
      .catch((e) => {
        if (cancelled) return;
        if (e instanceof ApiError && e.status === 401) {
          clear('Your session has ended. Please log in again.');
        } else {
          // Server unreachable: keep the token and ask again shortly.
          setNotice(e instanceof ApiError ? e.detail : String(e));
          retry = setTimeout(() => setRetryTick((n) => n + 1), 3000);
        }
      });
    return () => {
      cancelled = true;
      if (retry) clearTimeout(retry);
    };
  }, [status, token, clear, retryTick]);

  /** Set while our own logout ends the session, whose end the live socket may report first. */
  const loggingOut = useRef(false);

  const expire = useCallback(() => clear(loggingOut.current ? null : 'Your session has ended. Please log in again.'), [clear]);

  useEffect(() => onUnauthorized(expire), [expire]);

  const login = useCallback(async (login: string, password: string) => {
    const res = await authApi.login(login.trim(), password);
    tokenStore.set(res.token);
    setToken(res.token);
    setUser(res.user);
    setNotice(null);
    setStatus('authenticated');
  }, []);

  const signup = useCallback(
    async (username: string, email: string, password: string) => {
      await authApi.signup(username, email, password);
      await login(username, password);
    },
    [login],
  );

  const logout = useCallback(async () => {
    // Unsent text stays on a shared computer no longer than the session that wrote it. Cleared
    // before the server is asked: the server closes the live socket (4401) the moment the session
    // ends, which can sign this page out before the logout's own answer arrives.
    draftStore.clearAll();
    loggingOut.current = true;
    try {
      await authApi.logout();
    } catch {
      // The token is dropped locally whatever the server says.
    } finally {
      loggingOut.current = false;
    }
    clear(null);
  }, [clear]);

  const value = useMemo<Session>(
    () => ({ status, user, token, notice, login, signup, logout, expire, setUser }),
    [status, user, token, notice, login, signup, logout, expire],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
