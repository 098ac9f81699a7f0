import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import {
  assertStackUp,
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
 * axe-core on every main screen (issue 19): the landing page's two forms, the messenger with the
 * chat list and an open chat, and each dialog. 0 serious or critical violations; the full report
 * of each screen goes to test-results/axe-<screen>.json.
 */
describe('Accessibility (axe-core) of each screen', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let page: Page;
  let ann: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    await assertStackUp();
    browser = await launch();
    const open = async () => {
      const { context, page: p } = await newUserPage(browser);
      contexts.push(context);
      return p;
    };
    ann = makeUser('ann');
    bob = makeUser('bob');
    await signUp(await open(), bob);
    page = await open();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page) return;
    const slug = task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 60);
    saveTrace(page, `failed-${slug}`);
    if (!page.isClosed()) await screenshot(page, `failed-${slug}`).catch(() => undefined);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
  });

  it('the login page', async () => {
    await page.goto('/');
    await page.getByTestId('login-form').waitFor();
    expect(await seriousViolations(page, 'login')).toEqual([]);
  });

  it('the sign-up page', async () => {
    await page.getByRole('tab', { name: 'Sign up' }).click();
    await page.getByTestId('signup-form').waitFor();
    expect(await seriousViolations(page, 'signup')).toEqual([]);
  });

  it('the messenger: the chat list, then an open chat', async () => {
    await signUp(page, ann);
    await page.getByTestId('sidebar').waitFor();
    expect(await seriousViolations(page, 'chat-list-empty')).toEqual([]);
    await startChat(page, [bob.username]);
    await sendMessage(page, 'Hello, **accessible** world');
    await messageWithText(page, 'Hello, accessible world').and(page.locator('[data-status="sent"]')).waitFor();
    expect(await seriousViolations(page, 'open-chat')).toEqual([]);
    await page.getByTestId('chat-menu-button').click();
    await page.getByTestId('export-txt').waitFor();
    expect(await seriousViolations(page, 'chat-menu')).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('the new-chat dialog, also with an error shown', async () => {
    await page.getByTestId('new-chat-button').click();
    const dialog = page.getByTestId('new-chat-dialog');
    await dialog.waitFor();
    expect(await seriousViolations(page, 'new-chat-dialog')).toEqual([]);
    await dialog.getByTestId('new-chat-members').fill(`nobody_${Date.now().toString(36)}`);
    await dialog.getByTestId('new-chat-submit').click();
    await dialog.getByRole('alert').waitFor();
    expect(await seriousViolations(page, 'new-chat-dialog-error')).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('the profile dialog', async () => {
    await page.getByTestId('profile-button').click();
    const dialog = page.getByTestId('profile-dialog');
    await dialog.waitFor();
    expect(await seriousViolations(page, 'profile-dialog')).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('the phone layout: the list, then the open chat', async () => {
    const { context, page: phone } = await newUserPage(browser, { width: 390, height: 844 });
    contexts.push(context);
    await context.addInitScript((token) => localStorage.setItem('carrier.token', token), await page.evaluate(() => localStorage.getItem('carrier.token') ?? ''));
    await phone.goto('/');
    await phone.getByTestId('sidebar').waitFor();
    expect(await seriousViolations(phone, 'phone-chat-list')).toEqual([]);
    await openChat(phone, bob.username);
    expect(await seriousViolations(phone, 'phone-open-chat')).toEqual([]);
  });
});
