import { vi } from 'vitest';
import { FakeWebSocket, json } from './fakeSocket';

/** The user the messenger's tests are signed in as. */
export const me = { id: 'u1', username: 'ann', email: 'ann@x.io', avatarUrl: null, createdAt: '2026-11-01T00:00:00Z' };

/** A test's answer to one request to the server, or undefined to leave it to {@link stubCarrier}. */
export type Route = (url: URL, init?: RequestInit) => Response | undefined | Promise<Response | undefined>;

/**
 * Stands in for the server of a test that renders the whole app, signed in as {@link me}: sockets
 * are {@link FakeWebSocket}s (none yet), and every request goes to the test's `route` first. What it
 * leaves is answered as the server would a quiet user: who is signed in, 204 to marking a chat read,
 * and a 404 problem document for anything else. Undo it with {@link unstubCarrier}.
 */
export function stubCarrier(route: Route) {
  FakeWebSocket.all = [];
  localStorage.setItem('carrier.token', 'tok');
  vi.stubGlobal('WebSocket', FakeWebSocket);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://localhost');
      const answer = await route(url, init);
      if (answer) return answer;
      if (url.pathname === '/api/users/me') return json(200, { user: me });
      if (url.pathname.endsWith('/read')) return json(204, undefined);
      return json(404, { title: 'Not Found', status: 404, detail: 'nope' });
    }),
  );
}

/** Undoes {@link stubCarrier}, and every other stub and spy of the test. */
export function unstubCarrier() {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
}
