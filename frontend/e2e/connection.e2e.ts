import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CARRIER_URL } from './support/env';
import {
  assertStackUp,
  launch,
  makeUser,
  messageWithText,
  newUserPage,
  saveTrace,
  screenshot,
  signUp,
  startChat,
  type TestUser,
} from './support/browser';

async function api(path: string, init: { method?: string; token?: string; json?: unknown } = {}): Promise<Response> {
  return fetch(`${CARRIER_URL}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
  });
}

/**
 * The connection state a user can trust (issue 19), with the live socket cut by the browser
 * itself (Playwright's WebSocket routing), so it runs against any server: a drop counts down to
 * the next attempt with "Retry now", and once back what was missed arrives.
 */
describe('Connection state in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const ann = makeUser('ann');
  const bob: TestUser = makeUser('bob');
  let bobToken = '';
  let chatId = '';
  /** 'pass': sockets reach the server; 'flap': each opens and is closed at once, unanswered. */
  let mode: 'pass' | 'flap' = 'pass';
  const live: WebSocketRoute[] = [];

  beforeAll(async () => {
    await assertStackUp();
    browser = await launch();
    expect((await api('/api/auth/signup', { method: 'POST', json: bob })).status).toBe(201);
    const login = await api('/api/auth/login', { method: 'POST', json: { login: bob.username, password: bob.password } });
    bobToken = ((await login.json()) as { token: string }).token;
    ({ context, page } = await newUserPage(browser));
    await context.routeWebSocket(/\/api\/ws/, (ws) => {
      if (mode === 'pass') {
        ws.connectToServer();
        live.push(ws);
      } else {
        setTimeout(() => void ws.close({ code: 1012, reason: 'test: service restart' }), 50);
      }
    });
    await signUp(page, ann);
    await startChat(page, [bob.username]);
    chatId = new URL(page.url()).pathname.split('/').pop() ?? '';
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page) return;
    saveTrace(page, 'failed-connection');
    if (!page.isClosed()) await screenshot(page, 'failed-connection').catch(() => undefined);
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
  });

  it('counts down to the next attempt after drops, Retry now reconnects at once, and the gap is filled', async () => {
    mode = 'flap';
    for (const ws of live.splice(0)) await ws.close({ code: 1012, reason: 'test: service restart' });
    // Each failed attempt waits about twice as long as the one before: soon several seconds
    // (after 5 s down the banner says offline, with the same countdown).
    const countdown = page.getByTestId('reconnecting-banner').or(page.getByTestId('offline-banner')).filter({ hasText: /in [4-9] s/ });
    await countdown.waitFor({ timeout: 20_000 });
    expect(await countdown.textContent()).toMatch(/(Reconnecting in \d+ s…|next try in \d+ s\.)/);
    await screenshot(page, 'connection-countdown');

    const sent = await api(`/api/chats/${chatId}/messages`, {
      method: 'POST',
      token: bobToken,
      json: { text: 'Written while Ann was reconnecting', clientMessageId: `c-${Date.now()}` },
    });
    expect(sent.status).toBe(201);

    mode = 'pass';
    await page.getByTestId('retry-now').click();
    // At once, not when the countdown ends.
    await expect.poll(() => live.length, { timeout: 1_000, interval: 50 }).toBe(1);
    await page.getByTestId('reconnecting-banner').or(page.getByTestId('offline-banner')).waitFor({ state: 'detached' });
    await messageWithText(page, 'Written while Ann was reconnecting').waitFor();
  });
});
