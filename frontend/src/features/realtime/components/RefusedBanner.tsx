/**
 * The server answers REST but refuses the WebSocket here (e.g. an origin check's 403): say so,
 * instead of an endless "Reconnecting…", and offer to try again.
 */
export function RefusedBanner({ onRetry }: { onRetry: () => void }) {
  return (
    <div className="connection-banner refused" role="alert" data-testid="refused-banner">
      <span>
        Live updates are refused by the server at this address ({window.location.host}). Messages still send, but new
        ones only appear when you reload. If you run Carrier, add {window.location.origin} to
        CARRIER_ALLOWED_ORIGINS.
      </span>
      <button type="button" className="button secondary small" onClick={onRetry}>Retry</button>
    </div>
  );
}
