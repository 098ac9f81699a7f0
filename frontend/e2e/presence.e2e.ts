import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  assertStackUp,
  chatItem,
  closeAll,
  keepEvidence,
  launch,
  logIn,
  openChat,
  screenshot,
  signedUpPerson,
  startChat,
  type Person,
} from './support/browser';
import { seriousViolations } from './support/axe';

/**
 * Presence with two people in two browsers: Bob sees Ann's dot go online when she opens the app
 * and offline when she logs out, "online" / "last seen …" in their direct chat's header, and
 * nothing once Ann hides her presence.
 */
describe('Presence in the browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let ann: Person;
  let bob: Person;

  beforeAll(async () => {
    await assertStackUp();
    browser = await launch();
    ann = await signedUpPerson(browser, 'ann', contexts);
    bob = await signedUpPerson(browser, 'bob', contexts);
    await startChat(ann.page, [bob.user.username]);
    await chatItem(bob.page, ann.user.username).waitFor();
  });

  afterEach(async ({ task }) => keepEvidence(task, { ann, bob }));

  afterAll(() => closeAll(browser, contexts));

  const annsDot = (): Locator => chatItem(bob.page, ann.user.username).getByTestId('presence-dot');

  async function logOut(page: Page): Promise<void> {
    await page.getByTestId('logout-button').click();
    await page.getByTestId('landing').waitFor();
  }

  it('shows the other person come online when they open the app and go offline when they log out', async () => {
    await expect.poll(() => annsDot().getAttribute('aria-label'), { timeout: 15_000 }).toBe('online');
    await openChat(bob.page, ann.user.username);
    await expect.poll(() => bob.page.getByTestId('last-seen').textContent(), { timeout: 15_000 }).toBe('online');
    await screenshot(bob.page, 'presence-online');
    expect(await seriousViolations(bob.page, 'presence-online')).toEqual([]);

    await logOut(ann.page);
    await expect.poll(() => annsDot().getAttribute('aria-label'), { timeout: 15_000 }).toBe('last seen just now');
    expect(await annsDot().getAttribute('data-online')).toBe('false');
    await expect.poll(() => bob.page.getByTestId('last-seen').textContent()).toBe('last seen just now');
    await screenshot(bob.page, 'presence-last-seen');

    await logIn(ann.page, ann.user);
    await expect.poll(() => annsDot().getAttribute('aria-label'), { timeout: 15_000 }).toBe('online');
  });

  it('shows nothing of a person who hides it, and the toggle remembers its setting', async () => {
    await ann.page.getByTestId('profile-button').click();
    const toggle = ann.page.getByTestId('presence-toggle');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await screenshot(ann.page, 'presence-toggle');

    await annsDot().waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => bob.page.getByTestId('last-seen').textContent()).toBe('Direct chat');

    await ann.page.reload();
    await ann.page.getByTestId('messenger').waitFor();
    await ann.page.getByTestId('profile-button').click();
    expect(await ann.page.getByTestId('presence-toggle').isChecked()).toBe(false);
    await ann.page.getByTestId('presence-toggle').check();
    await expect.poll(() => annsDot().getAttribute('aria-label'), { timeout: 15_000 }).toBe('online');
  });
});
