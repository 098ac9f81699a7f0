import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, errorMessage } from '../../../lib/api';
import type { Message } from '../../../lib/types';
import {
  backoffDelay,
  MAX_PENDING_SENDS,
  NotDeliveredError,
  RealtimeClient,
  REFUSED_AFTER,
  REFUSED_RETRY_MS,
  refusalReason,
  SEND_TIMEOUT_MS,
  type SocketLike,
} from './realtimeClient';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  receive(data: unknown) {
    this.onmessage?.({ data: JSON.stringify(data) } as MessageEvent);
  }
  drop(code = 1006, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason } as CloseEvent);
  }
}

describe('RealtimeClient', () => {
  let sockets: FakeSocket[];
  const handlers = () => ({ onEvent: vi.fn(), onStatus: vi.fn(), onReady: vi.fn(), onUnauthorized: vi.fn(), onDetail: vi.fn() });

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
  });
  afterEach(() => vi.useRealTimers());

  let protocols: string[][];
  const make = (h: ReturnType<typeof handlers>) => {
    protocols = [];
    return new RealtimeClient('ws://x/api/ws', 'tok', h, (_url, p) => {
      const s = new FakeSocket();
      sockets.push(s);
      protocols.push(p);
      return s;
    });
  };

  it('authenticates in the handshake, sends nothing first, and reports ready', () => {
    const h = handlers();
    make(h).start();
    expect(protocols[0]).toEqual(['bearer.tok']);
    sockets[0].open();
    expect(sockets[0].sent).toEqual([]);
    sockets[0].receive({ type: 'ready' });
    expect(h.onReady).toHaveBeenCalledWith(false);
    expect(h.onStatus).toHaveBeenLastCalledWith('online');
  });

  it('passes events through', () => {
    const h = handlers();
    make(h).start();
    sockets[0].open();
    sockets[0].receive({ type: 'ready' });
    sockets[0].receive({ type: 'typing', chatId: 'c', userId: 'u' });
    expect(h.onEvent).toHaveBeenCalledWith({ type: 'typing', chatId: 'c', userId: 'u' });
  });

  it('reconnects after a drop, shows reconnecting, and reports the reconnect for gap fill', () => {
    const h = handlers();
    make(h).start();
    sockets[0].open();
    sockets[0].receive({ type: 'ready' });
    sockets[0].drop();
    expect(h.onStatus).toHaveBeenLastCalledWith('reconnecting');
    vi.advanceTimersByTime(20_000);
    expect(sockets).toHaveLength(2);
    sockets[1].open();
    sockets[1].receive({ type: 'ready' });
    expect(h.onReady).toHaveBeenLastCalledWith(true);
  });

  it('says when the next attempt is due after a drop, and clears it while one is under way', () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const h = handlers();
    make(h).start();
    sockets[0].open();
    sockets[0].receive({ type: 'ready' });
    expect(h.onDetail).toHaveBeenLastCalledWith({ retryAt: null, refusedReason: null });
    const dropAt = Date.now();
    sockets[0].drop();
    expect(h.onDetail).toHaveBeenLastCalledWith({ retryAt: dropAt + backoffDelay(0, () => 1), refusedReason: null });
    vi.advanceTimersByTime(backoffDelay(0, () => 1));
    expect(sockets).toHaveLength(2);
    expect(h.onDetail).toHaveBeenLastCalledWith({ retryAt: null, refusedReason: null });
    sockets[1].open();
    sockets[1].drop();
    // The next wait is longer, and the countdown says so.
    expect(h.onDetail).toHaveBeenLastCalledWith({ retryAt: Date.now() + backoffDelay(1, () => 1), refusedReason: null });
    vi.restoreAllMocks();
  });

  it('stops and reports unauthorized on close code 4401', () => {
    const h = handlers();
    make(h).start();
    sockets[0].open();
    sockets[0].drop(4401);
    expect(h.onUnauthorized).toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('sends typing frames only once the server said ready', () => {
    const c = make(handlers());
    c.start();
    expect(c.send({ type: 'typing', chatId: 'c' })).toBe(false);
    sockets[0].open();
    expect(c.send({ type: 'typing', chatId: 'c' })).toBe(false);
    sockets[0].receive({ type: 'ready' });
    expect(c.send({ type: 'typing', chatId: 'c' })).toBe(true);
    sockets[0].drop();
    expect(c.send({ type: 'typing', chatId: 'c' })).toBe(false);
  });

  describe('sending a message over the socket', () => {
    const stored = (clientMessageId: string, seq: number): Message => ({
      id: `m${seq}`, chatId: 'c', seq, senderId: 'u', text: `text ${seq}`, sentAt: '2026-11-25T10:00:00Z', deleted: false, clientMessageId,
    });
    const sentFrames = (s: FakeSocket) => s.sent.map((d) => JSON.parse(d) as Record<string, unknown>).filter((f) => f.type === 'send');

    function readyClient(h = handlers()) {
      const c = make(h);
      c.start();
      sockets[0].open();
      sockets[0].receive({ type: 'ready' });
      return c;
    }

    it('sends the POST body with type and chatId, and resolves with the message its own answer carries', async () => {
      const h = handlers();
      const c = readyClient(h);
      const first = c.sendMessage('c', { clientMessageId: 'k1', text: 'one', replyTo: 'm0' });
      const second = c.sendMessage('c', { clientMessageId: 'k2', attachmentIds: ['a1'] });
      expect(sentFrames(sockets[0])).toEqual([
        { type: 'send', chatId: 'c', clientMessageId: 'k1', text: 'one', replyTo: 'm0' },
        { type: 'send', chatId: 'c', clientMessageId: 'k2', attachmentIds: ['a1'] },
      ]);
      // Answered out of order: each send takes the answer with its clientMessageId.
      sockets[0].receive({ type: 'sent', clientMessageId: 'k2', message: stored('k2', 8) });
      sockets[0].receive({ type: 'sent', clientMessageId: 'k1', message: stored('k1', 7) });
      await expect(first).resolves.toEqual(stored('k1', 7));
      await expect(second).resolves.toEqual(stored('k2', 8));
      expect(h.onEvent).not.toHaveBeenCalled();
    });

    it('rejects a send.failed with the problem, shown by its detail as for a failed POST', async () => {
      const c = readyClient();
      const sending = c.sendMessage('c', { clientMessageId: 'k1', text: 'hi' });
      const problem = { type: 'https://carrier.dev/problems/rate-limited', title: 'Too Many Requests', status: 429, detail: 'Slow down a little.', instance: '/api/ws', retryAfter: 2 };
      sockets[0].receive({ type: 'send.failed', clientMessageId: 'k1', problem });
      const error = await sending.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 429, title: 'Too Many Requests', detail: 'Slow down a little.', body: problem });
      expect(errorMessage(error)).toBe('Slow down a little.');
    });

    it('falls back to the usual words for a problem without a detail', async () => {
      const c = readyClient();
      const sending = c.sendMessage('c', { clientMessageId: 'k1', text: 'hi' });
      sockets[0].receive({ type: 'send.failed', clientMessageId: 'k1', problem: { title: 'Service Unavailable', status: 503, retryAfter: 1 } });
      expect(errorMessage(await sending.catch((e: unknown) => e))).toBe('The server is unavailable right now. Please try again.');
    });

    it('rejects as not delivered when the socket closes before the answer, and ignores an answer after', async () => {
      const h = handlers();
      const c = readyClient(h);
      const sending = c.sendMessage('c', { clientMessageId: 'k1', text: 'hi' });
      sockets[0].drop();
      await expect(sending).rejects.toBeInstanceOf(NotDeliveredError);
      vi.advanceTimersByTime(20_000);
      sockets[1].open();
      sockets[1].receive({ type: 'ready' });
      sockets[1].receive({ type: 'sent', clientMessageId: 'k1', message: stored('k1', 7) });
      expect(h.onEvent).not.toHaveBeenCalled();
    });

    it('rejects at once, sending nothing, when no socket is ready', async () => {
      const c = make(handlers());
      await expect(c.sendMessage('c', { clientMessageId: 'k1', text: 'hi' })).rejects.toBeInstanceOf(NotDeliveredError);
      c.start();
      sockets[0].open();
      await expect(c.sendMessage('c', { clientMessageId: 'k1', text: 'hi' })).rejects.toBeInstanceOf(NotDeliveredError);
      expect(sockets[0].sent).toEqual([]);
      sockets[0].receive({ type: 'ready' });
      sockets[0].drop();
      await expect(c.sendMessage('c', { clientMessageId: 'k1', text: 'hi' })).rejects.toBeInstanceOf(NotDeliveredError);
      expect(sentFrames(sockets[0])).toEqual([]);
    });

    it('gives up after the timeout, and sends no more on that socket until a new one is ready', async () => {
      const c = readyClient();
      const sending = c.sendMessage('c', { clientMessageId: 'k1', text: 'hi' });
      vi.advanceTimersByTime(SEND_TIMEOUT_MS - 1);
      let settled = false;
      void sending.catch(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      vi.advanceTimersByTime(1);
      await expect(sending).rejects.toThrow('Not delivered over the socket: no answer in time.');
      // A server that ignores the frame would make every message wait: the POST takes them now.
      await expect(c.sendMessage('c', { clientMessageId: 'k2', text: 'again' })).rejects.toBeInstanceOf(NotDeliveredError);
      expect(sentFrames(sockets[0])).toHaveLength(1);
      sockets[0].drop();
      vi.advanceTimersByTime(20_000);
      sockets[1].open();
      sockets[1].receive({ type: 'ready' });
      const next = c.sendMessage('c', { clientMessageId: 'k2', text: 'again' });
      sockets[1].receive({ type: 'sent', clientMessageId: 'k2', message: stored('k2', 2) });
      await expect(next).resolves.toEqual(stored('k2', 2));
    });

    it('rejects what is still waiting when stopped, and leaves no timer behind', async () => {
      const c = readyClient();
      const sending = c.sendMessage('c', { clientMessageId: 'k1', text: 'hi' });
      c.stop();
      await expect(sending).rejects.toBeInstanceOf(NotDeliveredError);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('leaves sends past the server’s limit of waiting ones to the POST', async () => {
      const c = readyClient();
      const waiting = Array.from({ length: MAX_PENDING_SENDS }, (_, i) => c.sendMessage('c', { clientMessageId: `k${i}`, text: 'hi' }));
      await expect(c.sendMessage('c', { clientMessageId: 'one-more', text: 'hi' })).rejects.toBeInstanceOf(NotDeliveredError);
      expect(sentFrames(sockets[0])).toHaveLength(MAX_PENDING_SENDS);
      sockets[0].drop();
      await Promise.allSettled(waiting);
    });

    it('drops answers to nothing it waits for, and never hands them to onEvent', () => {
      const h = handlers();
      readyClient(h);
      sockets[0].receive({ type: 'sent', clientMessageId: 'unknown', message: stored('unknown', 1) });
      sockets[0].receive({ type: 'send.failed', clientMessageId: null, problem: { status: 400, title: 'Bad Request', detail: 'clientMessageId is required' } });
      expect(h.onEvent).not.toHaveBeenCalled();
    });

    it('leaves an answer it cannot read to the POST', async () => {
      const c = readyClient();
      const sending = c.sendMessage('c', { clientMessageId: 'k1', text: 'hi' });
      sockets[0].receive({ type: 'send.failed', clientMessageId: 'k1', problem: 'nope' });
      await expect(sending).rejects.toBeInstanceOf(NotDeliveredError);
    });
  });

  it('recycles a socket that gets no ready in time', () => {
    const h = handlers();
    make(h).start();
    sockets[0].open();
    vi.advanceTimersByTime(5_000);
    expect(sockets[0].readyState).toBe(3);
  });

  describe('a socket refused before it ever opens', () => {
    const withProbe = (apiAnswers: boolean) => ({ ...handlers(), probeApi: vi.fn(async () => apiAnswers) });
    /** Lets every pending backoff timer fire and refuses each new handshake (no open, close 1006). */
    async function refuseHandshakes(n: number) {
      for (let i = 0; i < n; i++) {
        const s = sockets[sockets.length - 1];
        s.drop(1006);
        // Past any backoff delay, except after the last drop (whose answer the test looks at).
        await vi.advanceTimersByTimeAsync(i < n - 1 ? 20_000 : 0);
      }
    }

    it('stops the fast loop and reports refused when the REST API answers', async () => {
      const h = withProbe(true);
      make(h).start();
      await refuseHandshakes(REFUSED_AFTER);
      expect(h.onStatus).toHaveBeenLastCalledWith('refused');
      expect(h.onDetail).toHaveBeenLastCalledWith({ retryAt: Date.now() + REFUSED_RETRY_MS, refusedReason: refusalReason(REFUSED_AFTER, { code: 1006, reason: '' }) });
      expect(h.probeApi).toHaveBeenCalledTimes(1);
      const count = sockets.length;
      await vi.advanceTimersByTimeAsync(REFUSED_RETRY_MS - 1_000);
      expect(sockets).toHaveLength(count);
      expect(h.onUnauthorized).not.toHaveBeenCalled();
    });

    it('keeps saying refused through its slow retries, and goes online once one succeeds', async () => {
      const h = withProbe(true);
      make(h).start();
      await refuseHandshakes(REFUSED_AFTER);
      await vi.advanceTimersByTimeAsync(REFUSED_RETRY_MS);
      const retry = sockets[sockets.length - 1];
      expect(h.onStatus).toHaveBeenLastCalledWith('refused');
      retry.open();
      retry.receive({ type: 'ready' });
      expect(h.onStatus).toHaveBeenLastCalledWith('online');
    });

    it('keeps reconnecting when the whole server is unreachable (REST fails too)', async () => {
      const h = withProbe(false);
      make(h).start();
      await refuseHandshakes(REFUSED_AFTER + 2);
      await vi.advanceTimersByTimeAsync(20_000);
      expect(h.onStatus).not.toHaveBeenCalledWith('refused');
      expect(h.onStatus).toHaveBeenCalledWith('reconnecting');
      expect(sockets.length).toBe(REFUSED_AFTER + 3);
    });

    it('never calls ordinary drops of an open socket a refusal', async () => {
      const h = withProbe(true);
      make(h).start();
      for (let i = 0; i < REFUSED_AFTER + 2; i++) {
        sockets[sockets.length - 1].open();
        sockets[sockets.length - 1].drop(1006);
        await vi.advanceTimersByTimeAsync(20_000);
      }
      expect(h.probeApi).not.toHaveBeenCalled();
      expect(h.onStatus).not.toHaveBeenCalledWith('refused');
    });

    it('retries at once on reconnectNow, and shows the refusal again after one more failure', async () => {
      const h = withProbe(true);
      const c = make(h);
      c.start();
      await refuseHandshakes(REFUSED_AFTER);
      const before = sockets.length;
      c.reconnectNow();
      expect(sockets).toHaveLength(before + 1);
      expect(h.onStatus).toHaveBeenLastCalledWith('connecting');
      sockets[sockets.length - 1].drop(1006);
      await vi.advanceTimersByTimeAsync(0);
      expect(h.onStatus).toHaveBeenLastCalledWith('refused');
    });

    it('still ends the session on 4401', async () => {
      const h = withProbe(true);
      make(h).start();
      await refuseHandshakes(2);
      await vi.advanceTimersByTimeAsync(20_000);
      sockets[sockets.length - 1].open();
      sockets[sockets.length - 1].drop(4401);
      expect(h.onUnauthorized).toHaveBeenCalled();
      expect(h.onStatus).toHaveBeenLastCalledWith('stopped');
    });
  });

  it('puts what it saw into the refusal reason, including a close code other than 1006', () => {
    expect(refusalReason(4, { code: 1006, reason: '' })).toBe(
      'The server closed the live connection before it opened, 4 times in a row, while the rest of Carrier answers.',
    );
    expect(refusalReason(5, { code: 1008, reason: 'origin not allowed' })).toBe(
      'The server closed the live connection before it opened, 5 times in a row (last close: code 1008, “origin not allowed”), while the rest of Carrier answers.',
    );
  });

  it('backs off exponentially up to a cap', () => {
    const mid = () => 0.5;
    expect(backoffDelay(0, mid)).toBe(375);
    expect(backoffDelay(3, mid)).toBe(3000);
    expect(backoffDelay(20, mid)).toBe(11250);
  });
});
