import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CARRIER_URL } from './support/env';
import {
  assertStackUp,
  chatItem,
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

const PHONE = { width: 390, height: 844 };

/** Whether anything sticks out sideways: the page never scrolls horizontally on a phone. */
async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`page is ${document.documentElement.scrollWidth}px wide in ${width}px`);
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // Inside a scroller of its own (the message list) an element may be cut, not pushed out.
      if (r.right > width + 1 || r.left < -1) out.push(`${el.tagName.toLowerCase()}.${el.className} spans ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    return out.slice(0, 10);
  });
}

async function inViewport(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox();
  return !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= PHONE.width && box.y + box.height <= PHONE.height;
}

/**
 * The phone layout (issue 19) at 390×844: one pane at a time (the list, then the chat, Back to the
 * list), a composer that can be used, every dialog and the chat menu within the screen, and no
 * horizontal scroll anywhere, even with a long unbroken word.
 */
describe('Phone layout at 390×844', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let page: Page;
  const ann = makeUser('ann');
  const bob: TestUser = makeUser('bob');
  const cat: TestUser = makeUser('cat');
  const longName = 'Weekend trip planning committee for the mountains';

  beforeAll(async () => {
    await assertStackUp();
    browser = await launch();
    for (const user of [bob, cat]) {
      const res = await fetch(`${CARRIER_URL}/api/auth/signup`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(user),
      });
      expect(res.status).toBe(201);
    }
    const opened = await newUserPage(browser, PHONE);
    contexts.push(opened.context);
    page = opened.page;
  });

  it('shows the landing page without sideways scroll', async () => {
    await page.goto('/');
    await page.getByTestId('login-form').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Sign up' }).click();
    await page.getByTestId('signup-form').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, 'phone-landing');
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page) return;
    const slug = task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 60);
    saveTrace(page, `failed-phone-${slug}`);
    if (!page.isClosed()) await screenshot(page, `failed-phone-${slug}`).catch(() => undefined);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
  });

  it('shows the chat list alone, and the new-chat dialog fits the screen', async () => {
    await signUp(page, ann);
    await page.getByTestId('sidebar').waitFor();
    expect(await page.getByText('Welcome to Carrier').isVisible()).toBe(false);
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.getByTestId('new-chat-button').click();
    await page.getByTestId('new-chat-dialog').waitFor();
    expect(await inViewport(page, 'new-chat-dialog')).toBe(true);
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('opens a chat in place of the list; the composer sends; nothing scrolls sideways', async () => {
    await startChat(page, [bob.username]);
    expect(await page.getByTestId('sidebar').isVisible()).toBe(false);
    expect(await inViewport(page, 'composer')).toBe(true);
    expect(await inViewport(page, 'send-button')).toBe(true);
    const long = `A${'very'.repeat(60)}longwordwithoutanyspaces https://example.test/${'path/'.repeat(20)}`;
    await sendMessage(page, long);
    await messageWithText(page, long).and(page.locator('[data-status="sent"]')).waitFor();
    await sendMessage(page, 'short one');
    await messageWithText(page, 'short one').and(page.locator('[data-status="sent"]')).waitFor();
    expect(await page.getByTestId('composer-input').inputValue()).toBe('');
    expect(await horizontalOverflow(page)).toEqual([]);
    // A long draft grows the box up to a limit, and Send stays on screen.
    await page.getByTestId('composer-input').fill(Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n'));
    expect(await inViewport(page, 'composer')).toBe(true);
    expect(await inViewport(page, 'send-button')).toBe(true);
    expect(await inViewport(page, 'chat-title')).toBe(true);
    await page.getByTestId('send-button').click();
    await messageWithText(page, 'line 1').or(page.getByTestId('message-text').filter({ hasText: 'line 12' })).first().waitFor();
    expect(await page.getByTestId('composer-input').inputValue()).toBe('');
    await screenshot(page, 'phone-chat');
  });

  it('keeps a long group name within the header', async () => {
    await page.getByTestId('back-button').click();
    await startChat(page, [bob.username, cat.username], longName);
    await sendMessage(page, 'hello group');
    await messageWithText(page, 'hello group').and(page.locator('[data-status="sent"]')).waitFor();
    expect(await inViewport(page, 'chat-menu-button')).toBe(true);
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.getByTestId('back-button').click();
    await page.getByTestId('sidebar').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await chatItem(page, bob.username).click();
    await page.getByTestId('chat-view').waitFor();
  });

  it('keeps the chat menu and the profile dialog within the screen', async () => {
    await page.getByTestId('chat-menu-button').click();
    await page.getByTestId('export-txt').waitFor();
    expect(await inViewport(page, 'export-txt')).toBe(true);
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('back-button').click();
    await page.getByTestId('profile-button').click();
    await page.getByTestId('profile-dialog').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('profile-dialog').waitFor({ state: 'detached' });
  });

  it('goes back to the list with the Back button and with the browser’s Back, and forward again', async () => {
    await chatItem(page, bob.username).click();
    await page.getByTestId('chat-view').waitFor();
    await page.getByTestId('back-button').click();
    await page.getByTestId('sidebar').waitFor();
    expect(await page.getByTestId('chat-view').count()).toBe(0);
    await chatItem(page, bob.username).click();
    await page.getByTestId('chat-view').waitFor();
    await page.goBack();
    await page.getByTestId('sidebar').waitFor();
    expect(await page.getByTestId('chat-view').count()).toBe(0);
    await page.goForward();
    await page.getByTestId('chat-view').waitFor();
    expect(await page.getByTestId('sidebar').isVisible()).toBe(false);
    await screenshot(page, 'phone-back');
  });
});
