import { Landing } from '../features/auth/components/Landing';
import { SessionProvider, useSession } from '../features/auth/hooks/useSession';
import { MessengerProvider } from './MessengerProvider';
import { MessengerScreen } from './MessengerScreen';

function Routes() {
  const { status, user, token } = useSession();
  if (status === 'checking') {
    return (
      <div className="splash" role="status" data-testid="splash">
        <span className="spinner" aria-hidden="true" /> Connecting to Carrier…
      </div>
    );
  }
  if (status !== 'authenticated' || !user) return <Landing />;
  // Keyed by the token: a new session starts from a clean state.
  return (
    <MessengerProvider key={token ?? ''}>
      <MessengerScreen />
    </MessengerProvider>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Routes />
    </SessionProvider>
  );
}
