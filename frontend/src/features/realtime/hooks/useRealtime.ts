import { useCallback, useEffect, useRef, useState } from 'react';
import { config } from '../../../lib/config';
import type { ConnectionDetail, ConnectionStatus, Message, SendMessageBody, ServerEvent } from '../../../lib/types';
import { NotDeliveredError, RealtimeClient } from '../api/realtimeClient';

export interface RealtimeCallbacks {
  onEvent: (event: ServerEvent) => void;
  onReady: (reconnected: boolean) => void;
  onUnauthorized: () => void;
  /** Whether the REST API answers (tells a refused socket from a server that is down). */
  probeApi?: () => Promise<boolean>;
}

/** Keeps one live connection for the given token; callbacks may change between renders. */
export function useRealtime(token: string | null, callbacks: RealtimeCallbacks) {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [detail, setDetail] = useState<ConnectionDetail>({ retryAt: null, refusedReason: null });
  const statusRef = useRef(status);
  statusRef.current = status;
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
      onDetail: setDetail,
      probeApi: () => cb.current.probeApi?.() ?? Promise.resolve(false),
    });
    client.current = c;
    c.start();
    // Back online: reconnect at once instead of waiting out the backoff; if the socket survived
    // the outage, still fetch what may have been missed.
    const backOnline = () => {
      if (statusRef.current === 'online') cb.current.onReady(true);
      else c.reconnectNow();
    };
    window.addEventListener('online', backOnline);
    return () => {
      window.removeEventListener('online', backOnline);
      c.stop();
      client.current = null;
    };
  }, [token]);

  const send = useCallback((frame: { type: string; [k: string]: unknown }) => client.current?.send(frame) ?? false, []);
  /** Rejects with NotDeliveredError when the message did not surely go (the caller POSTs it). */
  const sendMessage = useCallback(
    (chatId: string, body: SendMessageBody): Promise<Message> =>
      client.current?.sendMessage(chatId, body) ?? Promise.reject(new NotDeliveredError('no connection')),
    [],
  );
  const reconnect = useCallback(() => client.current?.reconnectNow(), []);
  return { status, detail, send, sendMessage, reconnect };
}
