import { useState } from 'react';
import { errorMessage } from '../../../lib/api';

/** Said once a direct chat is hidden, with Undo (shows it again) until dismissed or another chat opens. */
export function HiddenChatNotice({ onUndo, onDismiss }: { onUndo: () => Promise<void>; onDismiss: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const undo = () => {
    setBusy(true);
    setError(null);
    onUndo()
      .then(onDismiss)
      .catch((e) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };
  return (
    <div className="hidden-notice" role="status" data-testid="hidden-notice">
      <span>Chat hidden. It comes back with the next message.</span>
      <button type="button" className="link-button" onClick={undo} disabled={busy} data-testid="undo-hide">Undo</button>
      <button type="button" className="link-button" onClick={onDismiss} aria-label="Dismiss notice">Dismiss</button>
      {error && <span className="inline-error" role="alert">{error}</span>}
    </div>
  );
}
