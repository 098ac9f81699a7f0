// The user's "Desktop notifications" switch (on unless turned off), kept in this browser, and
// what the browser itself allows.

const KEY = 'carrier.notifications';

export type Permission = NotificationPermission | 'unsupported';

export function notificationsEnabled(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setNotificationsEnabled(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    /* storage refused (private mode): the switch lasts for this page only */
  }
}

export function browserPermission(): Permission {
  return typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported';
}

let asked = false;

/**
 * Asks the browser for permission to notify, once per page and only while it has not been
 * answered. Call it inside a user gesture (sending a message): browsers ignore or block a
 * prompt that no gesture caused, so it is never asked on load.
 */
export function askPermissionOnFirstSend(): void {
  if (asked || browserPermission() !== 'default' || !notificationsEnabled()) return;
  asked = true;
  void Notification.requestPermission().catch(() => undefined);
}
