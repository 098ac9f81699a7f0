import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Landing } from '../features/auth/components/Landing';
import { SessionProvider, useSession } from '../features/auth/hooks/useSession';
import { PresenceProvider, PresenceSync } from '../features/presence';
import { MessengerProvider } from './MessengerProvider';
import { MessengerScreen } from './MessengerScreen';

function AppRoutes() {
  const { status, user, token } = useSession();
  if (status === 'checking') {
    return (
      <div className="splash" role="status" data-testid="splash">
        <span className="spinner" aria-hidden="true" /> Connecting to Carrier…
      </div>
    );
  }
  // Logged out, any address shows the landing page and keeps the address: after login the
  // deep link (/chats/<id>) opens its chat.
  if (status !== 'authenticated' || !user) return <Landing />;
  // Keyed by the token: a new session starts from a clean state (presence included).
  return (
    <PresenceProvider key={token ?? ''}>
      <MessengerProvider>
        <PresenceSync />
        <Routes>
          <Route path="/" element={<MessengerScreen />} />
          <Route path="/chats/:chatId" element={<MessengerScreen />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </MessengerProvider>
    </PresenceProvider>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <AppRoutes />
      </SessionProvider>
    </BrowserRouter>
  );
}
