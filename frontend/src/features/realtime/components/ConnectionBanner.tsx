import type { ConnectionStatus } from '../../../lib/types';
import { useConnectionNotice } from '../hooks/useConnectionNotice';
import { RefusedBanner } from './RefusedBanner';

/** A visible notice while live updates are down; hidden when online. */
export function ConnectionBanner({ status, onRetry }: { status: ConnectionStatus; onRetry: () => void }) {
  const notice = useConnectionNotice(status);
  switch (notice) {
    case 'refused':
      return <RefusedBanner onRetry={onRetry} />;
    case 'offline-browser':
      return (
        <div className="connection-banner offline" role="status" aria-live="polite" data-testid="offline-banner" data-reason="browser">
          You are offline. New messages will not arrive or send until your connection is back.
        </div>
      );
    case 'offline-socket':
      return (
        <div className="connection-banner offline" role="status" aria-live="polite" data-testid="offline-banner" data-reason="socket">
          <span className="spinner" aria-hidden="true" /> Connection to Carrier lost. Live updates are paused while we reconnect.
          <button type="button" className="link-button" onClick={onRetry}>Retry now</button>
        </div>
      );
    case 'reconnecting':
      return (
        <div className="connection-banner" role="status" aria-live="polite" data-testid="reconnecting-banner">
          <span className="spinner" aria-hidden="true" /> Reconnecting…
        </div>
      );
    default:
      return null;
  }
}
