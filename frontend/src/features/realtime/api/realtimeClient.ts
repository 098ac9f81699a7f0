import { problemError } from '../../../lib/api';
import type { ConnectionDetail, ConnectionStatus, Message, SendMessageBody, ServerEvent } from '../../../lib/types';

export interface RealtimeHandlers {
  onEvent: (event: ServerEvent) => void;
  onStatus: (status: ConnectionStatus) => void;
  /** The server accepted the token: fill gaps and refresh lists (also after every reconnect). */
  onReady: (reconnected: boolean) => void;
  /** Close code 4401: the token is bad, the session is over. */
  onUnauthorized: () => void;
  /**
   * Asked after {@link REFUSED_AFTER} handshakes in a row failed: resolves true when the REST API
   * answers (so the socket alone is refused), false when the server is unreachable altogether.
   * Without it the client never reports 'refused'.
   */
  probeApi?: () => Promise<boolean>;
  /** When the next attempt is due and why a refusal is one; called whenever either changes. */
  onDetail?: (detail: ConnectionDetail) => void;
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

/** How long a socket may stay without 'ready' before it is recycled. */
export const READY_TIMEOUT_MS = 5_000;

/** The subprotocol that carries the token: browsers cannot set headers on a WebSocket. */
export const BEARER_PROTOCOL_PREFIX = 'bearer.';

/** Handshakes that fail in a row, never opening, before the client asks whether REST works. */
export const REFUSED_AFTER = 4;

/** While refused, the client still tries again this rarely (the banner says so). */
export const REFUSED_RETRY_MS = 60_000;

/** How long a send over the socket waits for its answer before the POST takes it over. */
export const SEND_TIMEOUT_MS = 10_000;

/** Sends one socket may have waiting for their answers; past that the POST carries them. */
export const MAX_PENDING_SENDS = 64;

/**
 * A send whose outcome the socket cannot tell (no ready socket, closed or reconnected before the
 * answer, no answer in time): the caller sends it again by POST with the same clientMessageId,
 * which answers with the stored message if this one got through.
 */
export class NotDeliveredError extends Error {
  constructor(reason: string) {
    super(`Not delivered over the socket: ${reason}.`);
    this.name = 'NotDeliveredError';
  }
}

/** The server's answer, on the same socket only, to one of our `send` frames. */
type SendAnswer =
  | { type: 'sent'; clientMessageId: string | null; message: Message }
  | { type: 'send.failed'; clientMessageId: string | null; problem: Record<string, unknown> };

interface PendingSend {
  resolve: (message: Message) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** What was seen, in words, that makes the socket count as refused. */
export function refusalReason(failures: number, lastClose: { code: number; reason: string } | null): string {
  const said = lastClose && lastClose.code !== 1006 ? ` (last close: code ${lastClose.code}${lastClose.reason ? `, “${lastClose.reason}”` : ''})` : '';
  return `The server closed the live connection before it opened, ${failures} times in a row${said}, while the rest of Carrier answers.`;
}

/** Delay before reconnect attempt n (0-based): exponential, capped, with jitter. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15_000, 500 * 2 ** attempt);
  return Math.round(base / 2 + (random() * base) / 2);
}

/**
 * One WebSocket to /api/ws, authenticated in the handshake itself (the {@code bearer.<token>}
 * subprotocol), with automatic reconnect with backoff and a liveness check (a socket that gets no
 * 'ready' in time is recycled). The handshake carries the token rather than a first frame because
 * a frame sent the instant a proxied socket opens can be lost on the way through the gateway,
 * which left the client waiting for a 'ready' that never came.
 */
export class RealtimeClient {
  private socket: SocketLike | null = null;
  private attempt = 0;
  /** Sockets in a row that closed without ever opening (a refused or failed handshake). */
  private handshakeFailures = 0;
  private refused = false;
  private lastClose: { code: number; reason: string } | null = null;
  private everReady = false;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readyTimer: ReturnType<typeof setTimeout> | null = null;
  /** Client frames are only sent once the server has said 'ready' on the current socket. */
  private ready = false;
  /** Sends on the current socket waiting for their answers, by clientMessageId. */
  private readonly pendingSends = new Map<string, PendingSend>();
  /**
   * The current socket let a send go unanswered (a server that does not know the frame ignores
   * it): its next sends go by POST at once instead of each waiting out the timeout.
   */
  private sendsUnanswered = false;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly handlers: RealtimeHandlers,
    private readonly createSocket: (url: string, protocols: string[]) => SocketLike = (u, p) =>
      new WebSocket(u, p),
  ) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.abandonPendingSends('the connection was stopped');
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
    this.detail(null);
  }

  /** The user asked to try again now (the Retry button, or the browser came back online). */
  reconnectNow(): void {
    if (this.stopped || this.socket) return;
    this.clearTimers();
    this.attempt = 0;
    // One more failed handshake is enough to show the refusal again.
    this.handshakeFailures = Math.min(this.handshakeFailures, REFUSED_AFTER - 1);
    this.refused = false;
    this.open();
  }

  /** Sends a client frame if connected and ready; drops it otherwise (typing is best effort). */
  send(frame: { type: string; [k: string]: unknown }): boolean {
    if (this.socket && this.ready && this.socket.readyState === 1) {
      this.socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  /**
   * Sends a message on the ready socket (cheaper per message than the POST). Resolves with the stored
   * message (`sent`); rejects with the ApiError of the problem the POST would have answered
   * (`send.failed`), or with {@link NotDeliveredError} when the outcome is unknown.
   */
  sendMessage(chatId: string, body: SendMessageBody): Promise<Message> {
    const id = body.clientMessageId;
    const refusal = this.sendRefusal(id);
    if (refusal) return Promise.reject(new NotDeliveredError(refusal));
    return new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => this.sendTimedOut(id), SEND_TIMEOUT_MS);
      this.pendingSends.set(id, { resolve, reject, timer });
      if (!this.trySend({ type: 'send', chatId, ...body })) this.takePendingSend(id)?.reject(new NotDeliveredError('no ready connection'));
    });
  }

  /** Why a send cannot wait for its answer on this socket, or null when it can. */
  private sendRefusal(clientMessageId: string): string | null {
    if (!this.ready) return 'no ready connection';
    if (this.sendsUnanswered) return 'this connection left a send unanswered';
    if (this.pendingSends.has(clientMessageId)) return 'this message is already on its way';
    if (this.pendingSends.size >= MAX_PENDING_SENDS) return 'too many sends waiting';
    return null;
  }

  private trySend(frame: { type: string; [k: string]: unknown }): boolean {
    try {
      return this.send(frame);
    } catch {
      return false;
    }
  }

  private takePendingSend(clientMessageId: string): PendingSend | undefined {
    const pending = this.pendingSends.get(clientMessageId);
    if (!pending) return undefined;
    clearTimeout(pending.timer);
    this.pendingSends.delete(clientMessageId);
    return pending;
  }

  private sendTimedOut(clientMessageId: string) {
    this.sendsUnanswered = true;
    this.takePendingSend(clientMessageId)?.reject(new NotDeliveredError('no answer in time'));
  }

  /** An answer to nothing we wait for (a late one, after the timeout) is dropped: the POST has it. */
  private answerSend(answer: SendAnswer) {
    const pending = typeof answer.clientMessageId === 'string' ? this.takePendingSend(answer.clientMessageId) : undefined;
    if (!pending) return;
    if (answer.type === 'sent' && isObject(answer.message)) pending.resolve(answer.message);
    else if (answer.type === 'send.failed' && isObject(answer.problem) && typeof answer.problem.status === 'number') {
      pending.reject(problemError(answer.problem.status, answer.problem));
    } else pending.reject(new NotDeliveredError('the answer could not be read'));
  }

  /** The socket that carried these sends is gone, so whether they were stored is unknown. */
  private abandonPendingSends(reason: string) {
    for (const id of [...this.pendingSends.keys()]) this.takePendingSend(id)?.reject(new NotDeliveredError(reason));
  }

  private detail(retryAt: number | null) {
    const refusedReason = this.refused ? refusalReason(this.handshakeFailures, this.lastClose) : null;
    this.handlers.onDetail?.({ retryAt, refusedReason });
  }

  private clearTimers() {
    if (this.timer) clearTimeout(this.timer);
    if (this.readyTimer) clearTimeout(this.readyTimer);
    this.timer = null;
    this.readyTimer = null;
  }

  private open() {
    if (this.stopped) return;
    // A slow retry while refused keeps the refusal on screen until it succeeds.
    if (!this.refused) this.handlers.onStatus(this.everReady ? 'reconnecting' : 'connecting');
    this.detail(null);
    let socket: SocketLike;
    this.ready = false;
    try {
      socket = this.createSocket(this.url, [BEARER_PROTOCOL_PREFIX + this.token]);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.handshakeFailures = 0;
      this.readyTimer = setTimeout(() => {
        if (this.socket === socket) socket.close(4000, 'no ready');
      }, READY_TIMEOUT_MS);
    };
    socket.onmessage = (ev) => {
      let event: ServerEvent | SendAnswer;
      try {
        event = JSON.parse(String(ev.data)) as ServerEvent | SendAnswer;
      } catch {
        return;
      }
      if (event.type === 'sent' || event.type === 'send.failed') {
        // Our own sends' answers, not events for the app.
        this.answerSend(event);
        return;
      }
      if (event.type === 'ready') {
        if (this.readyTimer) clearTimeout(this.readyTimer);
        this.ready = true;
        this.sendsUnanswered = false;
        const reconnected = this.everReady;
        this.everReady = true;
        this.attempt = 0;
        this.refused = false;
        this.lastClose = null;
        this.handlers.onStatus('online');
        this.detail(null);
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
      if (!opened) this.handshakeFailures++;
      this.lastClose = { code: ev.code, reason: ev.reason ?? '' };
      this.ready = false;
      this.abandonPendingSends('the connection closed before the answer');
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
    const probe = this.handlers.probeApi;
    if (probe && this.handshakeFailures >= REFUSED_AFTER) {
      void probe()
        .catch(() => false)
        .then((apiAnswers) => {
          if (this.stopped || this.socket || this.timer) return;
          if (apiAnswers) {
            this.refused = true;
            this.handlers.onStatus('refused');
            this.timer = setTimeout(() => this.retryAfterRefusal(), REFUSED_RETRY_MS);
            this.detail(Date.now() + REFUSED_RETRY_MS);
          } else {
            this.refused = false;
            this.backoff();
          }
        });
      return;
    }
    this.backoff();
  }

  private retryAfterRefusal() {
    this.timer = null;
    this.open();
  }

  private backoff() {
    this.handlers.onStatus('reconnecting');
    const delay = backoffDelay(this.attempt++);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.open();
    }, delay);
    this.detail(Date.now() + delay);
  }
}
