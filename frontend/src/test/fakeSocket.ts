/** A WebSocket double a test drives by hand (stub it in with `vi.stubGlobal('WebSocket', …)`). */
export class FakeWebSocket {
  static all: FakeWebSocket[] = [];
  readyState = 0;
  onopen: ((e: Event) => void) | null = null;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onclose: ((e: CloseEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  constructor(public url: string) {
    FakeWebSocket.all.push(this);
  }
  send() {}
  close() {
    this.readyState = 3;
  }
  /** The server pushes an event. */
  push(event: unknown) {
    this.onmessage?.({ data: JSON.stringify(event) } as MessageEvent);
  }
}

/** A JSON (or problem+json) answer of a fake fetch. */
export function json(status: number, body: unknown): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}
