import { useId, useState } from 'react';
import { browserPermission, notificationsEnabled, setNotificationsEnabled } from '../utils/settings';

/** The profile's "Desktop notifications" switch, and why it cannot work when the browser says no. */
export function NotificationSetting() {
  const [enabled, setEnabled] = useState(notificationsEnabled);
  const [permission, setPermission] = useState(browserPermission);
  const noteId = useId();
  const toggle = (on: boolean) => {
    setNotificationsEnabled(on);
    setEnabled(on);
    // Turning it on is a gesture: the moment to ask, if the browser has not been asked yet.
    if (on && permission === 'default') {
      Notification.requestPermission()
        .then(setPermission)
        .catch(() => undefined);
    }
  };
  let note: string | null = null;
  if (permission === 'denied') note = 'Blocked by the browser: allow notifications for this site in its settings.';
  else if (permission === 'unsupported') note = 'This browser cannot show notifications.';
  else if (enabled && permission === 'default') note = 'The browser will ask when you send a message.';
  return (
    <section className="profile-section notification-setting" aria-label="Notifications" data-testid="notification-setting">
      <label className="checkbox-row">
        <input
          type="checkbox"
          checked={enabled && permission !== 'denied' && permission !== 'unsupported'}
          disabled={permission === 'denied' || permission === 'unsupported'}
          aria-describedby={note ? noteId : undefined}
          onChange={(e) => toggle(e.target.checked)}
          data-testid="notifications-toggle"
        />
        Desktop notifications
      </label>
      {note && (
        <p id={noteId} className="hint" data-testid="notifications-note">
          {note}
        </p>
      )}
    </section>
  );
}
