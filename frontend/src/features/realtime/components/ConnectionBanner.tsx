import type { ConnectionStatus } from '../api/realtimeClient';

/** A visible notice while live updates are down; hidden when online. */
export function ConnectionBanner({ status }: { status: ConnectionStatus }) {
  if (status !== 'reconnecting') return null;
  return (
    <div className="connection-banner" role="status" aria-live="polite" data-testid="reconnecting-banner">
      <span className="spinner" aria-hidden="true" /> Reconnecting…
    </div>
  );
}
