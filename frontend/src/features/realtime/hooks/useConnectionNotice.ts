import { useEffect, useState } from 'react';
import type { ConnectionStatus } from '../../../lib/types';
import { connectionNotice, isDown, OFFLINE_AFTER_MS, type ConnectionNotice } from '../utils/connectionNotice';
import { useBrowserOnline } from './useBrowserOnline';

/** The banner to show for a connection status, turning a drop into "offline" after a few seconds. */
export function useConnectionNotice(status: ConnectionStatus): ConnectionNotice {
  const browserOnline = useBrowserOnline();
  const [downSince, setDownSince] = useState<number | null>(() => (isDown(status) ? Date.now() : null));
  const [, setTick] = useState(0);
  const down = isDown(status);

  useEffect(() => {
    setDownSince((since) => (down ? (since ?? Date.now()) : null));
  }, [down]);

  // Re-render once the drop has lasted long enough to count as offline.
  useEffect(() => {
    if (downSince === null) return;
    const wait = downSince + OFFLINE_AFTER_MS - Date.now();
    if (wait <= 0) return;
    const t = setTimeout(() => setTick((n) => n + 1), wait);
    return () => clearTimeout(t);
  }, [downSince]);

  const downForMs = down && downSince !== null ? Date.now() - downSince : 0;
  return connectionNotice({ status, browserOnline, downForMs });
}
