import type { ServerEvent } from '../../../lib/types';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'stopped';

export interface RealtimeHandlers {
  onEvent: (event: ServerEvent) => void;
  onStatus: (status: ConnectionStatus) => void;
  /** The server accepted the token: fill gaps and refresh lists (also after every reconnect). */
  onReady: (reconnected: boolean) => void;
  /** Close code 4401: the token is bad, the session is over. */
  onUnauthorized: () => void;
}

export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
}

export const UNAUTHORIZED_CLOSE = 4401;

/** Delay before reconnect attempt n (0-based): exponential, capped, with jitter. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15_000, 500 * 2 ** attempt);
  return Math.round(base / 2 + (random() * base) / 2);
}

/**
 * One WebSocket to /api/ws with authentication by first frame, automatic reconnect with backoff
 * and a liveness check (a socket that gets no 'ready' in time is recycled).
 */
export class RealtimeClient {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private everReady = false;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readyTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly handlers: RealtimeHandlers,
    private readonly createSocket: (url: string) => SocketLike = (u) => new WebSocket(u) as unknown as SocketLike,
  ) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onclose = null;
      s.onmessage = null;
      s.onerror = null;
      s.onopen = null;
      try {
        s.close(1000, 'bye');
      } catch {
        /* already closed */
      }
    }
    this.handlers.onStatus('stopped');
  }

  /** Sends a client frame if connected; silently drops it otherwise (typing is best effort). */
  send(frame: { type: string; [k: string]: unknown }): boolean {
    if (this.socket && this.socket.readyState === 1) {
      this.socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  private clearTimers() {
    if (this.timer) clearTimeout(this.timer);
    if (this.readyTimer) clearTimeout(this.readyTimer);
    this.timer = null;
    this.readyTimer = null;
  }

  private open() {
    if (this.stopped) return;
    this.handlers.onStatus(this.everReady ? 'reconnecting' : 'connecting');
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      socket.send(JSON.stringify({ type: 'auth', token: this.token }));
      this.readyTimer = setTimeout(() => {
        if (this.socket === socket) socket.close(4000, 'no ready');
      }, 10_000);
    };
    socket.onmessage = (ev) => {
      let event: ServerEvent;
      try {
        event = JSON.parse(String(ev.data)) as ServerEvent;
      } catch {
        return;
      }
      if (event.type === 'ready') {
        if (this.readyTimer) clearTimeout(this.readyTimer);
        const reconnected = this.everReady;
        this.everReady = true;
        this.attempt = 0;
        this.handlers.onStatus('online');
        this.handlers.onReady(reconnected);
        return;
      }
      this.handlers.onEvent(event);
    };
    socket.onerror = () => {
      /* onclose follows */
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.readyTimer) clearTimeout(this.readyTimer);
      if (ev.code === UNAUTHORIZED_CLOSE) {
        this.stopped = true;
        this.handlers.onStatus('stopped');
        this.handlers.onUnauthorized();
        return;
      }
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect() {
    if (this.stopped) return;
    this.handlers.onStatus('reconnecting');
    const delay = backoffDelay(this.attempt++);
    this.timer = setTimeout(() => this.open(), delay);
  }
}
