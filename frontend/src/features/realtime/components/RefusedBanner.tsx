import { Ticking } from './Ticking';

/**
 * The server answers REST but refuses the WebSocket here (e.g. an origin check's 403): say so and
 * what was seen, instead of an endless "Reconnecting…", when the next slow try comes, and offer
 * to try again now.
 */
export function RefusedBanner({ reason, nextTry, onRetry }: { reason: string | null; nextTry: string | null; onRetry: () => void }) {
  return (
    <div className="connection-banner refused" role="alert" data-testid="refused-banner">
      <span>
        Live updates are refused by the server at this address ({window.location.host}). Messages still send, but new
        ones only appear when you reload. If you run Carrier, add {window.location.origin} to
        CARRIER_ALLOWED_ORIGINS.
        {reason && <span className="refused-reason" data-testid="refused-reason"> Why we think so: {reason}</span>}
        {' '}{nextTry ? <>Next try <Ticking text={nextTry} />.</> : 'Trying again…'}
      </span>
      <button type="button" className="button secondary small" onClick={onRetry}>Retry</button>
    </div>
  );
}
