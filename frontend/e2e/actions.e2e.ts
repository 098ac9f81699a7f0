import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  assertStackUp,
  chatItem,
  launch,
  messageWithText,
  openChat,
  screenshot,
  sendMessage,
  sendViaApi,
  startChat,
  signedUpPerson,
  keepEvidence,
  closeAll,
  type Person,
} from './support/browser';
import { seriousViolations } from './support/axe';

const ORIGINAL = 'Where shall we meet on Saturday?';
const REPLY = 'By the clock tower at noon';
const PIZZA = 'Pizza or pasta tonight?';

/** A message's reaction chip for one emoji. */
const chip = (message: Locator, emoji: string) => message.locator(`[data-testid="reaction-chip"][data-emoji="${emoji}"]`);

/** Whether an element lies within the visible part of the conversation. */
async function inView(page: Page, target: Locator): Promise<boolean> {
  const pane = await page.getByTestId('message-scroll').boundingBox();
  const box = await target.boundingBox();
  return !!pane && !!box && box.y >= pane.y && box.y + box.height <= pane.y + pane.height;
}

async function reactWith(page: Page, message: Locator, emoji: string): Promise<void> {
  await message.hover();
  await message.getByRole('button', { name: 'React', exact: true }).click();
  await page.getByTestId('emoji-picker').getByRole('button', { name: `Add reaction ${emoji}` }).click();
}

/**
 * Replies and reactions between two people (issue 18): a reply carries its quote to the other
 * side, the quote takes the reader back to an original far up the history, reactions count and
 * un-count live on both screens, and deleting an original turns its quotes into "Deleted message".
 */
describe('Replies and reactions in the browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let ann: Person;
  let bob: Person;

  beforeAll(async () => {
    await assertStackUp();
    browser = await launch();
    const open = (prefix: string): Promise<Person> => signedUpPerson(browser, prefix, contexts);
    ann = await open('ann');
    bob = await open('bob');
    await startChat(ann.page, [bob.user.username]);
    await sendMessage(ann.page, ORIGINAL);
    await messageWithText(ann.page, ORIGINAL).and(ann.page.locator('[data-status="sent"]')).waitFor();
  });

  afterEach(async ({ task }) => keepEvidence(task, { ann, bob }));

  afterAll(() => closeAll(browser, contexts));

  it('carries a reply’s quote to the other side, and the quote leads back to an original far up', async () => {
    await openChat(bob.page, ann.user.username);
    const original = messageWithText(bob.page, ORIGINAL);
    await original.hover();
    await original.getByRole('button', { name: 'Reply', exact: true }).click();
    const bar = bob.page.getByTestId('reply-bar');
    await bar.getByText(`Replying to ${ann.user.username}`).waitFor();
    expect(await bar.getByTestId('reply-bar-excerpt').textContent()).toBe(ORIGINAL);
    await screenshot(bob.page, 'reply-bar');
    expect(await seriousViolations(bob.page, 'reply-bar')).toEqual([]);

    // Sixty messages later, the original is far off-screen (and older than a first page).
    const chatId = await chatItem(ann.page, bob.user.username).getAttribute('data-chat-id');
    for (let i = 1; i <= 60; i++) await sendViaApi(ann.page, chatId ?? '', `filler ${i}`);
    await messageWithText(bob.page, 'filler 60').waitFor();

    const input = bob.page.getByTestId('composer-input');
    await input.fill(REPLY);
    await input.press('Enter');
    await bar.waitFor({ state: 'detached' });
    const sent = messageWithText(bob.page, REPLY);
    await sent.and(bob.page.locator('[data-status="sent"]')).waitFor();
    expect(await sent.getByTestId('quote-sender').textContent()).toBe(ann.user.username);

    // Ann sees the quote live; after a reload only the latest page is held.
    const reply = messageWithText(ann.page, REPLY);
    await reply.getByTestId('quote').waitFor();
    expect(await reply.getByTestId('quote-excerpt').textContent()).toBe(ORIGINAL);
    await ann.page.reload();
    await openChat(ann.page, bob.user.username);
    await reply.getByTestId('quote').waitFor();
    expect(await messageWithText(ann.page, ORIGINAL).count()).toBe(0);
    await screenshot(ann.page, 'quote');

    await reply.getByRole('button', { name: `In reply to ${ann.user.username}: ${ORIGINAL}` }).click();
    const target = messageWithText(ann.page, ORIGINAL);
    await target.and(ann.page.locator('.highlighted')).waitFor({ timeout: 10_000 });
    expect(await inView(ann.page, target)).toBe(true);
    await screenshot(ann.page, 'quote-jump');
  });

  it('counts reactions live on both screens, pressed for oneself, and un-counts one taken back', async () => {
    await sendMessage(ann.page, PIZZA);
    const forAnn = messageWithText(ann.page, PIZZA);
    const forBob = messageWithText(bob.page, PIZZA);
    await forAnn.and(ann.page.locator('[data-status="sent"]')).waitFor();
    await forBob.waitFor();

    await reactWith(ann.page, forAnn, '👍');
    await chip(forBob, '👍').getByText('1').waitFor();
    // The new row under the last message stays on Bob's screen: the view follows it.
    expect(await inView(bob.page, chip(forBob, '👍'))).toBe(true);
    await reactWith(bob.page, forBob, '👍');
    for (const [message, self] of [[forAnn, ann], [forBob, bob]] as const) {
      const thumbs = chip(message, '👍');
      await thumbs.getByText('2').waitFor();
      expect(await thumbs.getAttribute('aria-pressed')).toBe('true');
      // Both named (the contract orders emoji, not the people under one).
      const label = (await thumbs.getAttribute('aria-label')) ?? '';
      expect(label.startsWith('👍 2: ')).toBe(true);
      expect(label.slice(6).split(', ').sort()).toEqual([ann.user.username, bob.user.username].sort());
      expect(await thumbs.getAttribute('title')).toBe(label);
      expect(label).toContain(self.user.username);
    }
    await screenshot(bob.page, 'reactions');
    // Chips, and the quote on one's own bubble, in a real layout (colour contrast included).
    expect(await seriousViolations(bob.page, 'reactions')).toEqual([]);

    // The picker by keyboard: it opens on the first emoji, and Escape returns to React.
    await forBob.hover();
    const react = forBob.getByRole('button', { name: 'React', exact: true });
    await react.focus();
    await bob.page.keyboard.press('Enter');
    const picker = bob.page.getByTestId('emoji-picker');
    await picker.waitFor();
    expect(await seriousViolations(bob.page, 'emoji-picker')).toEqual([]);
    await bob.page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
    expect(await react.evaluate((el) => el === document.activeElement)).toBe(true);

    await chip(forBob, '👍').click();
    for (const message of [forAnn, forBob]) await chip(message, '👍').getByText('1').waitFor();
    expect(await chip(forBob, '👍').getAttribute('aria-pressed')).toBe('false');
    expect(await chip(forAnn, '👍').getAttribute('aria-pressed')).toBe('true');
    expect(await chip(forAnn, '👍').getAttribute('aria-label')).toBe(`👍 1: ${ann.user.username}`);
  });

  it('shows an edit on the other screen live, marked "edited", and in the reply that quotes it', async () => {
    const original = messageWithText(ann.page, ORIGINAL);
    await original.scrollIntoViewIfNeeded();
    await original.hover();
    await original.getByRole('button', { name: 'Edit message' }).click();
    const box = ann.page.getByRole('textbox', { name: 'Edit message text' });
    await box.fill(`${ORIGINAL} (or Sunday?)`);
    await box.press('Enter');

    const onBob = messageWithText(bob.page, `${ORIGINAL} (or Sunday?)`);
    await onBob.waitFor();
    await onBob.getByTestId('message-edited').waitFor();
    const quote = messageWithText(bob.page, REPLY).getByTestId('quote');
    await quote.getByText(`${ORIGINAL} (or Sunday?)`).waitFor();
  });

  it('turns the quote into "Deleted message" on the other screen when the original is deleted', async () => {
    const original = messageWithText(ann.page, `${ORIGINAL} (or Sunday?)`);
    await original.scrollIntoViewIfNeeded();
    await original.hover();
    await original.getByRole('button', { name: 'Delete message' }).click();
    await ann.page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete' }).click();
    await original.waitFor({ state: 'detached' });

    const quote = messageWithText(bob.page, REPLY).getByTestId('quote');
    await quote.getByText('Deleted message', { exact: true }).waitFor();
    expect(await quote.getByTestId('quote-sender').count()).toBe(0);
    await quote.scrollIntoViewIfNeeded();
    await screenshot(bob.page, 'quote-deleted');
  });
});
