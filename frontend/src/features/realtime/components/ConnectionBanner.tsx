import type { ConnectionDetail, ConnectionStatus } from '../../../lib/types';
import { useConnectionNotice } from '../hooks/useConnectionNotice';
import { nextTryIn } from '../utils/connectionNotice';
import { useCountdown } from '../hooks/useCountdown';
import { RefusedBanner } from './RefusedBanner';
import { Ticking } from './Ticking';


/** A visible notice while live updates are down, with when the next attempt comes; hidden when online. */
export function ConnectionBanner({ status, detail, onRetry }: { status: ConnectionStatus; detail: ConnectionDetail; onRetry: () => void }) {
  const notice = useConnectionNotice(status);
  const inSeconds = nextTryIn(useCountdown(detail.retryAt));
  const retryNow = (
    <button type="button" className="link-button" onClick={onRetry} data-testid="retry-now">Retry now</button>
  );
  switch (notice) {
    case 'refused':
      return <RefusedBanner reason={detail.refusedReason} nextTry={inSeconds} onRetry={onRetry} />;
    case 'offline-browser':
      return (
        <div className="connection-banner offline" role="status" aria-live="polite" data-testid="offline-banner" data-reason="browser">
          You are offline. New messages will not arrive or send until your connection is back.
        </div>
      );
    case 'offline-socket':
      return (
        <div className="connection-banner offline" role="status" aria-live="polite" data-testid="offline-banner" data-reason="socket">
          <span className="spinner" aria-hidden="true" />
          <span>
            Connection to Carrier lost. Live updates are paused; {inSeconds ? <>next try <Ticking text={inSeconds} />.</> : 'trying to reconnect…'}
          </span>
          {retryNow}
        </div>
      );
    case 'reconnecting':
      return (
        <div className="connection-banner" role="status" data-testid="reconnecting-banner">
          <span className="spinner" aria-hidden="true" />
          <span>{inSeconds ? <>Reconnecting <Ticking text={inSeconds} />…</> : 'Reconnecting…'}</span>
          {inSeconds && retryNow}
        </div>
      );
    default:
      return null;
  }
}
