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

/**
 * The web client against the real stack: two people talk live, a third joins a group,
 * a rename reaches the others, a reload keeps the session, logout returns to the landing page.
 * Tests run in order and build on each other (one conversation, several views of it).
 */
describe('Carrier in the browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let ann: { user: TestUser; page: Page };
  let bob: { user: TestUser; page: Page };
  let cat: { user: TestUser; page: Page };

  beforeAll(async () => {
    await assertStackUp();
    browser = await launch();
    const open = async (prefix: string) => {
      const { context, page } = await newUserPage(browser);
      contexts.push(context);
      return { user: makeUser(prefix), page };
    };
    ann = await open('ann');
    bob = await open('bob');
    cat = await open('cat');
  });

  // A failing test leaves a picture of every user's screen behind.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const slug = task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 60);
    for (const [who, u] of Object.entries({ ann, bob, cat })) {
      if (!u?.page) continue;
      saveTrace(u.page, `failed-${slug}-${who}`);
      if (!u.page.isClosed()) await screenshot(u.page, `failed-${slug}-${who}`).catch(() => undefined);
    }
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
  });

  it('the landing page validates input and shows the server’s error in words', async () => {
    const page = cat.page;
    await page.goto('/');
    await page.getByRole('tab', { name: 'Sign up' }).click();
    const signup = page.getByTestId('signup-form');
    await signup.getByLabel('Username').fill('a!');
    await signup.getByLabel('Password').fill('short');
    await signup.getByRole('button', { name: 'Create account' }).click();
    await signup.getByText('Username must be 3 to 32 characters.').waitFor();
    await signup.getByText('Password must be at least 8 characters.').waitFor();
    await signup.getByText('Enter your email.').waitFor();

    await page.getByRole('tab', { name: 'Log in' }).click();
    const login = page.getByTestId('login-form');
    await login.getByLabel('Username or email').fill(`nobody_${Date.now().toString(36)}`);
    await login.getByLabel('Password').fill('wrong-password');
    await login.getByRole('button', { name: 'Log in' }).click();
    const error = page.getByTestId('auth-error');
    await error.waitFor();
    expect((await error.textContent())?.trim().length).toBeGreaterThan(3);
    await screenshot(page, 'landing-error');
  });

  it('two new users start a direct chat and see each other’s messages live', async () => {
    await signUp(ann.page, ann.user);
    await signUp(bob.page, bob.user);

    await startChat(ann.page, [bob.user.username]);
    await expect(ann.page.getByTestId('chat-title').textContent()).resolves.toBe(bob.user.username);
    await sendMessage(ann.page, 'Hi Bob, this is **Ann**!');
    await messageWithText(ann.page, 'Hi Bob, this is Ann!').and(ann.page.locator('[data-status="sent"]')).waitFor();

    // Bob never reloads: the chat and the message arrive over the WebSocket.
    await chatItem(bob.page, ann.user.username).waitFor();
    await openChat(bob.page, ann.user.username);
    await messageWithText(bob.page, 'Hi Bob, this is Ann!').waitFor();
    expect(await messageWithText(bob.page, 'Hi Bob, this is Ann!').locator('strong').textContent()).toBe('Ann');

    // Bob types: Ann sees the indicator, then the reply.
    await bob.page.getByTestId('composer-input').pressSequentially('Hello', { delay: 30 });
    await ann.page.getByTestId('typing-indicator').getByText(`${bob.user.username} is typing…`).waitFor();
    await bob.page.getByTestId('composer-input').fill('Hello Ann <script>alert(1)</script>');
    await bob.page.getByTestId('composer-input').press('Enter');
    await messageWithText(ann.page, 'Hello Ann <script>alert(1)</script>').waitFor();

    await sendMessage(ann.page, 'Nice to hear from you _today_.');
    await messageWithText(bob.page, 'Nice to hear from you today.').waitFor();
    await screenshot(ann.page, 'messenger');
    await screenshot(bob.page, 'messenger-bob');
  });

  it('a third user joins a group chat and reads it live', async () => {
    await signUp(cat.page, cat.user);
    const group = `Trio ${Date.now().toString(36)}`;
    await startChat(ann.page, [bob.user.username, cat.user.username], group);
    await sendMessage(ann.page, 'Welcome to the group!');

    await chatItem(cat.page, group).waitFor();
    await openChat(cat.page, group);
    await messageWithText(cat.page, 'Welcome to the group!').waitFor();
    await sendMessage(cat.page, 'Glad to be here');
    await messageWithText(ann.page, 'Glad to be here').waitFor();
    // Others' messages carry the sender's name in a group.
    await ann.page.getByTestId('message-sender').getByText(cat.user.username, { exact: true }).waitFor();
    await chatItem(bob.page, group).waitFor();

    // The search box filters the sidebar.
    const search = ann.page.getByTestId('chat-search');
    await search.fill(group.slice(0, 8));
    await ann.page.waitForFunction(() => document.querySelectorAll('[data-testid="chat-item"]').length === 1);
    expect(await chatItem(ann.page, group).count()).toBe(1);
    await search.fill('');
    await chatItem(ann.page, bob.user.username).waitFor();
    await screenshot(cat.page, 'group');
  });

  it('group tools: add a member, delete with confirmation, export, preset photo, leave', async () => {
    const group = (await ann.page.getByTestId('chat-title').textContent()) ?? '';
    const dan = makeUser('dan');
    const res = await fetch(`${CARRIER_URL}/api/auth/signup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(dan),
    });
    expect(res.status).toBe(201);

    // A second direct chat with Bob answers 409 {chat}: the client opens the existing one.
    await startChat(ann.page, [bob.user.username]);
    expect(await ann.page.getByTestId('chat-title').textContent()).toBe(bob.user.username);
    expect(await chatItem(ann.page, bob.user.username).count()).toBe(1);
    await openChat(ann.page, group);

    await ann.page.getByTestId('chat-menu-button').click();
    await ann.page.getByTestId('add-members').click();
    await ann.page.getByTestId('add-members-input').fill(dan.username);
    await ann.page.getByTestId('add-members-submit').click();
    await ann.page.getByText('4 members').waitFor();
    // The live chat.updated can beat the call's answer: while the dialog is still open its focus
    // trap would take the text typed next.
    await ann.page.getByTestId('add-members-dialog').waitFor({ state: 'detached' });

    await sendMessage(ann.page, 'This one goes away');
    const doomed = messageWithText(ann.page, 'This one goes away');
    await doomed.and(ann.page.locator('[data-status="sent"]')).waitFor();
    await messageWithText(cat.page, 'This one goes away').waitFor();
    await doomed.hover();
    await doomed.getByRole('button', { name: 'Delete message' }).click();
    await ann.page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete' }).click();
    await doomed.waitFor({ state: 'detached' });
    await messageWithText(cat.page, 'This one goes away').waitFor({ state: 'detached' });

    await ann.page.getByTestId('chat-menu-button').click();
    const [download] = await Promise.all([ann.page.waitForEvent('download'), ann.page.getByTestId('export-txt').click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(path, 'utf8');
    expect(text).toContain('Welcome to the group!');
    expect(text).toContain('Glad to be here');

    await cat.page.getByTestId('profile-button').click();
    await cat.page.getByTestId('preset-fox').click();
    await cat.page.getByTestId('profile-dialog').getByText('Photo updated.').waitFor();
    await cat.page.getByTestId('profile-dialog').getByRole('button', { name: 'Close' }).click();
    // Ann sees Cat's new photo next to Cat's message without reloading.
    await messageWithText(ann.page, 'Glad to be here').getByTestId('avatar-img').waitFor();

    await cat.page.getByTestId('chat-menu-button').click();
    await cat.page.getByTestId('leave-chat').click();
    await cat.page.getByTestId('confirm-dialog').getByRole('button', { name: 'Leave' }).click();
    await chatItem(cat.page, group).waitFor({ state: 'detached' });
    await ann.page.getByText('3 members').waitFor();
    await screenshot(ann.page, 'group-tools');
  });

  it('a rename shows in the other user’s open view', async () => {
    const newName = `${bob.user.username.slice(0, 24)}_r`;
    await openChat(ann.page, bob.user.username);
    await bob.page.getByTestId('profile-button').click();
    const dialog = bob.page.getByTestId('profile-dialog');
    await dialog.getByTestId('profile-username').fill(newName);
    await dialog.getByTestId('profile-save').click();
    await dialog.getByText('Saved.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await bob.page.getByTestId('my-username').getByText(newName, { exact: true }).waitFor();

    // Ann did nothing: chat.updated carries the new username.
    await ann.page.getByTestId('chat-title').getByText(newName, { exact: true }).waitFor();
    await chatItem(ann.page, newName).waitFor();
    bob.user.username = newName;
    await screenshot(ann.page, 'rename');
  });

  it('scrolling up loads older history page by page', async () => {
    const token = await ann.page.evaluate(() => localStorage.getItem('carrier.token'));
    const chatId = await chatItem(ann.page, bob.user.username).getAttribute('data-chat-id');
    for (let i = 1; i <= 60; i++) {
      const body = JSON.stringify({ text: `filler ${i}`, clientMessageId: crypto.randomUUID() });
      let res: Response;
      // The gateway rate-limits per user: honour a 429 (same clientMessageId, so no duplicates).
      for (let attempt = 0; ; attempt++) {
        res = await fetch(`${CARRIER_URL}/api/chats/${chatId}/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body,
        });
        if (res.status !== 429 || attempt >= 20) break;
        await new Promise((r) => setTimeout(r, 1000 * (Number(res.headers.get('Retry-After')) || 1)));
      }
      expect(res.status).toBe(201);
    }
    await ann.page.reload();
    await openChat(ann.page, bob.user.username);
    await messageWithText(ann.page, 'filler 60').waitFor();
    expect(await messageWithText(ann.page, 'Hi Bob, this is Ann!').count()).toBe(0);
    const scroller = ann.page.getByTestId('message-scroll');
    for (let i = 0; i < 5 && (await messageWithText(ann.page, 'Hi Bob, this is Ann!').count()) === 0; i++) {
      await scroller.evaluate((el) => el.scrollTo(0, 0));
      await ann.page.waitForTimeout(400);
    }
    await messageWithText(ann.page, 'Hi Bob, this is Ann!').waitFor();
    await ann.page.getByText('Beginning of the conversation').waitFor();
    await scroller.evaluate((el) => el.scrollTo(0, 0));
    await screenshot(ann.page, 'history');
  });

  it('a reload keeps the session and the conversation', async () => {
    await ann.page.reload();
    await ann.page.getByTestId('messenger').waitFor();
    await ann.page.getByTestId('my-username').getByText(ann.user.username, { exact: true }).waitFor();
    await openChat(ann.page, bob.user.username);
    await messageWithText(ann.page, 'filler 60').waitFor();
    expect(await ann.page.locator('script', { hasText: 'alert(1)' }).count()).toBe(0);
    await screenshot(ann.page, 'reload');
  });

  it('works at phone width with a back button', async () => {
    const { context, page } = await newUserPage(browser, { width: 390, height: 844 });
    contexts.push(context);
    await context.addInitScript((token) => localStorage.setItem('carrier.token', token), await ann.page.evaluate(() => localStorage.getItem('carrier.token') ?? ''));
    await page.goto('/');
    await page.getByTestId('sidebar').waitFor();
    await openChat(page, bob.user.username);
    expect(await page.getByTestId('sidebar').isVisible()).toBe(false);
    await messageWithText(page, 'filler 60').waitFor();
    await screenshot(page, 'phone');
    await page.getByRole('button', { name: 'Back to chats' }).click();
    await page.getByTestId('sidebar').waitFor();
    expect(await page.getByTestId('chat-view').count()).toBe(0);
  });

  it('logout returns to the landing page and stays there after a reload', async () => {
    await bob.page.getByTestId('logout-button').click();
    await bob.page.getByTestId('landing').waitFor();
    await bob.page.reload();
    await bob.page.getByTestId('landing').waitFor();
    expect(await bob.page.evaluate(() => localStorage.getItem('carrier.token'))).toBeNull();
    await screenshot(bob.page, 'landing');
  });
});
