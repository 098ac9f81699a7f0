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
  sendMessage,
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

type Frame = { type?: string; clientMessageId?: string; text?: string };
const parse = (m: string | Buffer): Frame => {
  try {
    return JSON.parse(String(m)) as Frame;
  } catch {
    return {};
  }
};

/**
 * The connection state a user can trust (issue 19), with the live socket cut by the browser
 * itself (Playwright's WebSocket routing), so it runs against any server: a drop counts down to
 * the next attempt with "Retry now", and once back what was missed arrives. Messages go over the
 * socket, and by POST under the same clientMessageId when the socket loses their answer.
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
  /** The frames the page sent on its sockets. */
  const pageFrames: Frame[] = [];
  /** Whether the next `sent` answer is kept from the page, which loses its socket instead. */
  let loseNextAnswer = false;

  beforeAll(async () => {
    await assertStackUp();
    browser = await launch();
    expect((await api('/api/auth/signup', { method: 'POST', json: bob })).status).toBe(201);
    const login = await api('/api/auth/login', { method: 'POST', json: { login: bob.username, password: bob.password } });
    bobToken = ((await login.json()) as { token: string }).token;
    ({ context, page } = await newUserPage(browser));
    await context.routeWebSocket(/\/api\/ws/, (ws) => {
      if (mode === 'pass') {
        const server = ws.connectToServer();
        ws.onMessage((m) => {
          pageFrames.push(parse(m));
          server.send(m);
        });
        server.onMessage((m) => {
          if (loseNextAnswer && parse(m).type === 'sent') {
            loseNextAnswer = false;
            void ws.close({ code: 1012, reason: 'test: the answer is lost' });
            return;
          }
          ws.send(m);
        });
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

  /** The bodies of the page's POSTs to the chat's messages, from here on. */
  function recordPosts(): Frame[] {
    const posts: Frame[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && new URL(req.url()).pathname === `/api/chats/${chatId}/messages`) posts.push(parse(req.postData() ?? ''));
    });
    return posts;
  }

  async function storedTexts(): Promise<string[]> {
    const res = await api(`/api/chats/${chatId}/messages?limit=200`, { token: bobToken });
    return ((await res.json()) as { text: string }[]).map((m) => m.text);
  }

  it('sends a message over the live socket, not by POST', async () => {
    const posts = recordPosts();
    await sendMessage(page, 'Sent over the socket');
    await messageWithText(page, 'Sent over the socket').and(page.locator('[data-status="sent"]')).waitFor();
    expect(pageFrames.filter((f) => f.type === 'send').map((f) => f.text)).toContain('Sent over the socket');
    expect(posts).toEqual([]);
  });

  it('sends again by POST, under the same clientMessageId, when the socket loses the answer', async () => {
    const posts = recordPosts();
    loseNextAnswer = true;
    await sendMessage(page, 'Stored, but the answer was lost');
    await messageWithText(page, 'Stored, but the answer was lost').and(page.locator('[data-status="sent"]')).waitFor();
    const frame = pageFrames.find((f) => f.type === 'send' && f.text === 'Stored, but the answer was lost');
    expect(frame?.clientMessageId).toBeTruthy();
    await expect.poll(() => posts.map((p) => p.clientMessageId)).toEqual([frame?.clientMessageId]);
    // Stored once, shown once.
    expect((await storedTexts()).filter((t) => t === 'Stored, but the answer was lost')).toHaveLength(1);
    expect(await messageWithText(page, 'Stored, but the answer was lost').count()).toBe(1);
    await page.getByTestId('reconnecting-banner').or(page.getByTestId('offline-banner')).waitFor({ state: 'detached' });
  });
});
