import type { ConnectionStatus } from '../../../lib/types';

/** After this long without live updates, a reconnect is no longer a blip: say so plainly. */
export const OFFLINE_AFTER_MS = 5_000;

/**
 * What the connection banner says:
 * - 'offline-browser': the browser says it has no network (navigator.onLine, online/offline);
 * - 'refused': the server refuses the socket at this address while the REST API answers;
 * - 'offline-socket': live updates have been down for {@link OFFLINE_AFTER_MS} or more;
 * - 'reconnecting': a short drop being repaired;
 * - 'none': live, or still opening the first socket.
 */
export type ConnectionNotice = 'none' | 'reconnecting' | 'offline-socket' | 'offline-browser' | 'refused';

export function isDown(status: ConnectionStatus): boolean {
  return status === 'connecting' || status === 'reconnecting';
}

export function connectionNotice(input: { status: ConnectionStatus; browserOnline: boolean; downForMs: number }): ConnectionNotice {
  const { status, browserOnline, downForMs } = input;
  if (status === 'stopped') return 'none';
  if (!browserOnline) return 'offline-browser';
  if (status === 'online') return 'none';
  if (status === 'refused') return 'refused';
  if (downForMs >= OFFLINE_AFTER_MS) return 'offline-socket';
  return status === 'reconnecting' ? 'reconnecting' : 'none';
}

/** "in 4 s" while an attempt is scheduled; null while one is under way (or none is due). */
export function nextTryIn(seconds: number | null): string | null {
  return seconds ? `in ${seconds} s` : null;
}
