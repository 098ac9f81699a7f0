import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertStackUp, chatItem, closeAll, keepEvidence, launch, messageWithText, openChat, sendMessage, signedUpPerson, startChat, type Person } from './support/browser';
import { CARRIER_URL } from './support/env';

interface Shown {
  title: string;
  body: string | undefined;
  tag: string | undefined;
}

declare global {
  interface Window {
    /** Every notification the page made, recorded by the init script below. */
    shownNotifications: (Shown & { instance?: Notification })[];
  }
}

/**
 * Wraps window.Notification before the app loads: each notification is recorded (and still made
 * for real), so the test reads what the user would have seen.
 */
function recordNotifications() {
  const Real = window.Notification;
  window.shownNotifications = [];
  class Recording extends Real {
    constructor(title: string, options?: NotificationOptions) {
      const entry: Shown & { instance?: Notification } = { title, body: options?.body, tag: options?.tag };
      window.shownNotifications.push(entry);
      super(title, options);
      entry.instance = this;
    }
  }
  window.Notification = Recording;
}

/** The user switches to another tab (the page becomes hidden) or back. */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

const shown = (page: Page) => page.evaluate(() => window.shownNotifications.map(({ title, body, tag }) => ({ title, body, tag })));

/**
 * Notifications (issue 20): while Ann's tab is hidden, Bob's message shows her a desktop
 * notification with his name and text, and her tab's title counts it; a click on the
 * notification opens the chat. While her tab shows, nothing pops up.
 */
describe('Desktop notifications in the browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let ann: Person;
  let bob: Person;
  let chatId: string;

  beforeAll(async () => {
    await assertStackUp();
    browser = await launch();
    ann = await signedUpPerson(browser, 'ann', contexts);
    bob = await signedUpPerson(browser, 'bob', contexts);
    await ann.context.grantPermissions(['notifications'], { origin: CARRIER_URL });
    await ann.context.addInitScript(recordNotifications);
    await ann.page.reload();
    await startChat(ann.page, [bob.user.username]);
    await sendMessage(ann.page, 'Ping me when you are back');
    chatId = (await chatItem(ann.page, bob.user.username).getAttribute('data-chat-id')) ?? '';
    await openChat(bob.page, ann.user.username);
    // Ann leaves the chat for the list: no chat open, the title says plain Carrier.
    await ann.page.goto('/');
    await chatItem(ann.page, bob.user.username).waitFor();
    await ann.page.waitForFunction(() => document.title === 'Carrier');
  });

  afterEach(async ({ task }) => keepEvidence(task, { ann, bob }));

  afterAll(() => closeAll(browser, contexts));

  it('notifies of a message while the tab is hidden, counts it in the title, and opens the chat on a click', async () => {
    await setHidden(ann.page, true);
    const text = `Back now ${Math.random().toString(36).slice(2, 8)}`;
    await sendMessage(bob.page, text);

    await ann.page.waitForFunction(() => window.shownNotifications.length > 0);
    expect(await shown(ann.page)).toEqual([{ title: bob.user.username, body: text, tag: chatId }]);
    await ann.page.waitForFunction(() => document.title === '(1) Carrier');

    await setHidden(ann.page, false);
    await ann.page.evaluate(() => {
      window.shownNotifications[0].instance?.onclick?.(new Event('click'));
    });
    await ann.page.waitForURL(`**/chats/${chatId}`);
    await messageWithText(ann.page, text).waitFor();
    // Read on screen: the count leaves the title.
    await ann.page.waitForFunction((name) => document.title === `${name} · Carrier`, bob.user.username);
  });

  it('stays quiet while the tab shows', async () => {
    const before = (await shown(ann.page)).length;
    const text = `Seen live ${Math.random().toString(36).slice(2, 8)}`;
    await sendMessage(bob.page, text);
    await messageWithText(ann.page, text).waitFor();
    expect(await shown(ann.page)).toHaveLength(before);
  });

  it('says when a message mentions the reader, and counts a message of the open chat while hidden', async () => {
    await setHidden(ann.page, true);
    await sendMessage(bob.page, `@${ann.user.username} look at this`);
    await ann.page.waitForFunction(() => window.shownNotifications.length > 1);
    expect((await shown(ann.page)).at(-1)?.title).toBe(`${bob.user.username} mentioned you`);
    await ann.page.waitForFunction((name) => document.title === `(1) ${name} · Carrier`, bob.user.username);
    await setHidden(ann.page, false);
    await ann.page.waitForFunction((name) => document.title === `${name} · Carrier`, bob.user.username);
  });
});
