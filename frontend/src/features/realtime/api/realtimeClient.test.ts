import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, RealtimeClient, type SocketLike } from './realtimeClient';

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
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
}

describe('RealtimeClient', () => {
  let sockets: FakeSocket[];
  const handlers = () => ({ onEvent: vi.fn(), onStatus: vi.fn(), onReady: vi.fn(), onUnauthorized: vi.fn() });

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

  it('recycles a socket that gets no ready in time', () => {
    const h = handlers();
    make(h).start();
    sockets[0].open();
    vi.advanceTimersByTime(5_000);
    expect(sockets[0].readyState).toBe(3);
  });

  it('backs off exponentially up to a cap', () => {
    const mid = () => 0.5;
    expect(backoffDelay(0, mid)).toBe(375);
    expect(backoffDelay(3, mid)).toBe(3000);
    expect(backoffDelay(20, mid)).toBe(11250);
  });
});
