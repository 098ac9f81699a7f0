import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import type { User } from '../../../lib/types';
import { presenceApi } from '../api/presenceApi';

/** "Show when I'm online" in the profile: shown and saved at once, taken back if the server refuses. */
export function PresenceToggle({ user, onChanged }: { user: User; onChanged: (user: User) => void }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [visible, setVisible] = useState(user.presenceVisible !== false);
  const change = (next: boolean) => {
    setVisible(next);
    setSaving(true);
    setError(null);
    presenceApi
      .setVisible(next)
      .then(() => onChanged({ ...user, presenceVisible: next }))
      .catch((e: unknown) => {
        setVisible(!next);
        setError(errorMessage(e));
      })
      .finally(() => setSaving(false));
  };
  return (
    <div className="presence-toggle">
      <label>
        <input
          type="checkbox"
          checked={visible}
          disabled={saving}
          onChange={(e) => change(e.target.checked)}
          data-testid="presence-toggle"
        />{' '}
        Show when I&apos;m online
      </label>
      <p className="hint">When off, nobody sees you online or when you were last seen.</p>
      {error && <p className="inline-error" role="alert">{error}</p>}
    </div>
  );
}
