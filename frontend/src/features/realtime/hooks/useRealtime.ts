import { useCallback, useEffect, useRef, useState } from 'react';
import { config } from '../../../lib/config';
import type { ServerEvent } from '../../../lib/types';
import { RealtimeClient, type ConnectionStatus } from '../api/realtimeClient';

export interface RealtimeCallbacks {
  onEvent: (event: ServerEvent) => void;
  onReady: (reconnected: boolean) => void;
  onUnauthorized: () => void;
}

/** Keeps one live connection for the given token; callbacks may change between renders. */
export function useRealtime(token: string | null, callbacks: RealtimeCallbacks) {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const cb = useRef(callbacks);
  cb.current = callbacks;
  const client = useRef<RealtimeClient | null>(null);

  useEffect(() => {
    if (!token) return;
    const c = new RealtimeClient(config().wsUrl, token, {
      onEvent: (e) => cb.current.onEvent(e),
      onReady: (r) => cb.current.onReady(r),
      onUnauthorized: () => cb.current.onUnauthorized(),
      onStatus: setStatus,
    });
    client.current = c;
    c.start();
    return () => {
      c.stop();
      client.current = null;
    };
  }, [token]);

  const send = useCallback((frame: { type: string; [k: string]: unknown }) => client.current?.send(frame) ?? false, []);
  return { status, send };
}
