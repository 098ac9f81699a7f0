/**
 * A WebSocket double a test drives by hand (stub it in with `vi.stubGlobal('WebSocket', …)`).
 * It stays unopened (readyState 0) until the test calls `serverOpen()`: until then the client
 * sends nothing on it, so its messages go by POST, as with a socket that is down.
 */
export class FakeWebSocket {
  static all: FakeWebSocket[] = [];
  readyState = 0;
  /** The frames the client sent, parsed. */
  sent: Record<string, unknown>[] = [];
  onopen: ((e: Event) => void) | null = null;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onclose: ((e: CloseEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  constructor(
    public url: string,
    public protocols: string[] = [],
  ) {
    FakeWebSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close() {
    this.readyState = 3;
  }
  /** The handshake completes (the server still has to push `ready`). */
  serverOpen() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  /** The server pushes an event. */
  push(event: unknown) {
    this.onmessage?.({ data: JSON.stringify(event) } as MessageEvent);
  }
  /** The connection is lost. */
  serverDrop(code = 1006, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason } as CloseEvent);
  }
}

/** A JSON (or problem+json) answer of a fake fetch. */
export function json(status: number, body: unknown): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}
