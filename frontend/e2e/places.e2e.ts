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
  openChat,
  saveTrace,
  screenshot,
  sendMessage,
  signUp,
  startChat,
  type TestUser,
} from './support/browser';

const CHAT_PATH = /\/chats\/[0-9a-f-]{36}$/;

/**
 * The app as a place to live in (issue 19): every chat has an address that survives reload,
 * Back/Forward and login; a refused action is shown where it was taken and never ends the
 * session; going offline is said out loud and the gap is filled on return; dialogs keep focus;
 * the length limit, preset photos, grouping and export names explain themselves.
 * Tests run in order: Ann and Bob share a direct chat and a group with Cat.
 */
describe('Places, states and courtesies in the browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let ann: { user: TestUser; page: Page; context: BrowserContext };
  let bob: { user: TestUser; page: Page; context: BrowserContext };
  const cat = makeUser('cat');
  const group = `Places ${Date.now().toString(36)}`;
  let directId = '';
  let groupId = '';

  beforeAll(async () => {
    await assertStackUp();
    browser = await launch();
    const open = async (prefix: string) => {
      const { context, page } = await newUserPage(browser);
      contexts.push(context);
      return { user: makeUser(prefix), page, context };
    };
    ann = await open('ann');
    bob = await open('bob');
    const res = await fetch(`${CARRIER_URL}/api/auth/signup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(cat),
    });
    expect(res.status).toBe(201);
    await signUp(ann.page, ann.user);
    await signUp(bob.page, bob.user);
    await startChat(ann.page, [bob.user.username]);
    await sendMessage(ann.page, 'Hello from the direct chat');
    await messageWithText(ann.page, 'Hello from the direct chat').and(ann.page.locator('[data-status="sent"]')).waitFor();
    await startChat(ann.page, [bob.user.username, cat.username], group);
    await sendMessage(ann.page, 'Hello from the group');
    await messageWithText(ann.page, 'Hello from the group').and(ann.page.locator('[data-status="sent"]')).waitFor();
    directId = (await chatItem(ann.page, bob.user.username).getAttribute('data-chat-id')) ?? '';
    groupId = (await chatItem(ann.page, group).getAttribute('data-chat-id')) ?? '';
    expect(directId).not.toBe('');
    expect(groupId).not.toBe('');
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const slug = task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 60);
    for (const [who, u] of Object.entries({ ann, bob })) {
      if (!u?.page) continue;
      saveTrace(u.page, `failed-${slug}-${who}`);
      if (!u.page.isClosed()) await screenshot(u.page, `failed-${slug}-${who}`).catch(() => undefined);
    }
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
  });

  it('a chat has its own address: reload keeps it open, Back and Forward move between places', async () => {
    const page = ann.page;
    await page.goto('/');
    await page.getByTestId('messenger').waitFor();
    await openChat(page, bob.user.username);
    expect(new URL(page.url()).pathname).toBe(`/chats/${directId}`);
    await openChat(page, group);
    expect(new URL(page.url()).pathname).toBe(`/chats/${groupId}`);

    await page.reload();
    await page.getByTestId('chat-title').getByText(group, { exact: true }).waitFor();
    await messageWithText(page, 'Hello from the group').waitFor();
    expect(await page.title()).toContain(group);

    await page.goBack();
    await page.getByTestId('chat-title').getByText(bob.user.username, { exact: true }).waitFor();
    await messageWithText(page, 'Hello from the direct chat').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/chats/${directId}`);

    // Back to the list, still inside the app.
    await page.goBack();
    await page.getByText('Welcome to Carrier').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('chat-view').count()).toBe(0);

    await page.goForward();
    await page.getByTestId('chat-title').getByText(bob.user.username, { exact: true }).waitFor();
    await screenshot(page, 'places-address');
  });

  it('a deep link opens the right chat after login, and a foreign address says so', async () => {
    const { context, page } = await newUserPage(browser);
    contexts.push(context);
    await page.goto(`/chats/${groupId}`);
    const form = page.getByTestId('login-form');
    await form.getByLabel('Username or email').fill(bob.user.username);
    await form.getByLabel('Password').fill(bob.user.password);
    await form.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('chat-title').getByText(group, { exact: true }).waitFor();
    await messageWithText(page, 'Hello from the group').waitFor();
    expect(page.url()).toMatch(CHAT_PATH);
    expect(new URL(page.url()).pathname).toBe(`/chats/${groupId}`);

    await page.goto('/chats/00000000-0000-4000-8000-000000000000');
    await page.getByTestId('chat-not-found').waitFor();
    await page.getByRole('link', { name: 'Back to your chats' }).click();
    await page.getByText('Welcome to Carrier').waitFor();
  });

  it('a wrong current password is an inline error in the Password form and keeps the session', async () => {
    const page = ann.page;
    await page.getByTestId('profile-button').click();
    const dialog = page.getByTestId('profile-dialog');
    const current = dialog.getByTestId('current-password');
    await current.fill('definitely-not-my-password');
    await dialog.getByTestId('new-password').fill('a-brand-new-password');
    await dialog.getByTestId('password-submit').click();

    await page.waitForFunction(() => document.querySelector('[data-testid="current-password"]')?.getAttribute('aria-invalid') === 'true');
    const describedBy = (await current.getAttribute('aria-describedby')) ?? '';
    const message = (await page.locator(`[id="${describedBy}"]`).textContent())?.trim() ?? '';
    expect(message.length).toBeGreaterThan(3);
    expect(await current.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByTestId('landing').count()).toBe(0);
    await screenshot(page, 'places-wrong-password');

    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.reload();
    await page.getByTestId('messenger').waitFor();
    // The password did not change and the session lives on.
    const login = await fetch(`${CARRIER_URL}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: ann.user.username, password: ann.user.password }),
    });
    expect(login.status).toBe(200);
  });

  it('going offline shows the offline banner; back online, what was missed arrives', async () => {
    const page = ann.page;
    await openChat(page, bob.user.username);
    await ann.context.setOffline(true);
    const banner = page.getByTestId('offline-banner');
    await banner.filter({ hasText: 'You are offline' }).waitFor();
    await screenshot(page, 'places-offline');

    await openChat(bob.page, ann.user.username);
    await sendMessage(bob.page, 'Sent while Ann was offline');
    await messageWithText(bob.page, 'Sent while Ann was offline').and(bob.page.locator('[data-status="sent"]')).waitFor();

    await ann.context.setOffline(false);
    await banner.waitFor({ state: 'detached' });
    await messageWithText(page, 'Sent while Ann was offline').waitFor();
    expect(await page.getByTestId('refused-banner').count()).toBe(0);
  });

  it('a dialog keeps focus after a failed submit, and Escape closes it', async () => {
    const page = ann.page;
    await page.getByTestId('new-chat-button').click();
    const dialog = page.getByTestId('new-chat-dialog');
    await dialog.getByTestId('new-chat-members').fill(`nobody_${Date.now().toString(36)}`);
    await dialog.getByTestId('new-chat-submit').click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('the length limit is explained in words, and Enter sends nothing past it', async () => {
    const page = ann.page;
    await openChat(page, bob.user.username);
    const before = await page.getByTestId('message').count();
    const input = page.getByTestId('composer-input');
    await input.fill('x'.repeat(4001));
    const notice = page.getByTestId('length-notice');
    await notice.filter({ hasText: 'Too long to send' }).waitFor();
    await input.press('Enter');
    await page.waitForTimeout(500);
    expect(await page.getByTestId('message').count()).toBe(before);
    expect((await input.inputValue()).length).toBe(4001);
    await screenshot(page, 'places-length-limit');
    await input.fill('');
  });

  it('preset photos are pictures with visible names', async () => {
    const page = ann.page;
    await page.getByTestId('profile-button').click();
    const dialog = page.getByTestId('profile-dialog');
    for (const name of ['Fox', 'Owl', 'Cat', 'Bear', 'Panda', 'Koala']) {
      const preset = dialog.getByRole('button', { name, exact: true });
      await preset.getByText(name, { exact: true }).waitFor();
      expect(await preset.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    }
    await screenshot(page, 'places-presets');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('messages of one sender are grouped, and an export is named after the chat', async () => {
    const page = ann.page;
    await openChat(page, group);
    for (const text of ['one', 'two', 'three']) await sendMessage(page, `Grouped ${text}`);
    const grouped = page.getByTestId('message').filter({ has: page.getByTestId('message-text').getByText(/^Grouped (one|two|three)$/) });
    await messageWithText(page, 'Grouped three').and(page.locator('[data-status="sent"]')).waitFor();
    expect(await grouped.count()).toBe(3);
    // One time for a minute's run; two only if the run straddled a minute.
    const times = await grouped.getByTestId('message-time').count();
    expect(times).toBeGreaterThanOrEqual(1);
    expect(times).toBeLessThanOrEqual(2);

    await page.getByTestId('chat-menu-button').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-txt').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${group.replace(' ', '-')}-\\d{4}-\\d{2}-\\d{2}\\.txt$`));
    await screenshot(page, 'places-grouped');
  });
});
