import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, isProblem, onUnauthorized, tokenStore } from './api';

function respond(status: number, body: unknown, type = 'application/problem+json') {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } }));
}

describe('api client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the bearer token and JSON', async () => {
    tokenStore.set('abc');
    const f = respond(200, { ok: 1 }, 'application/json');
    vi.stubGlobal('fetch', f);
    await api.post('/api/x', { a: 1 });
    const [url, init] = f.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/x');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer abc');
    expect(init.body).toBe('{"a":1}');
  });

  it('throws the problem detail, keeping the body (409 with chat)', async () => {
    vi.stubGlobal('fetch', respond(409, { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Direct chat exists', chat: { id: 'c9' } }));
    const err = (await api.post("/api/chats", {}).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(409);
    expect(err.message).toBe('Direct chat exists');
    expect((err.body?.chat as { id: string }).id).toBe('c9');
  });

  it('tells listeners when an authenticated call gets 401', async () => {
    tokenStore.set('abc');
    vi.stubGlobal('fetch', respond(401, { title: 'Unauthorized', status: 401, detail: 'bad token' }));
    const listener = vi.fn();
    const off = onUnauthorized(listener);
    await api.get('/api/users/me').catch(() => undefined);
    off();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('leaves the session alone when one action is refused (403 wrong-password, 400)', async () => {
    tokenStore.set('abc');
    const listener = vi.fn();
    const off = onUnauthorized(listener);
    vi.stubGlobal('fetch', respond(403, { type: 'https://carrier.dev/problems/wrong-password', title: 'Forbidden', status: 403, detail: 'The current password is wrong.' }));
    const err = await api.put('/api/users/me/password', {}).catch((e: unknown) => e);
    vi.stubGlobal('fetch', respond(400, { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'too short' }));
    await api.put('/api/users/me/password', {}).catch(() => undefined);
    off();
    expect(listener).not.toHaveBeenCalled();
    expect(isProblem(err, 'wrong-password')).toBe(true);
    expect(isProblem(err, 'password')).toBe(false);
    expect((err as ApiError).detail).toBe('The current password is wrong.');
  });

  it('turns a network failure into a readable error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const err = (await api.get("/api/chats").catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(0);
    expect(err.detail).toMatch(/Cannot reach the server/);
  });
});
