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

const WORD = `marmalade${Math.random().toString(36).slice(2, 8)}`;
const FOUND = `Bring the ${WORD} jar on Saturday 🍊`;
const SEARCH_WAIT_MS = 20_000;

/** Whether an element lies within the visible part of the conversation. */
async function inView(page: Page, target: Locator): Promise<boolean> {
  const pane = await page.getByTestId('message-scroll').boundingBox();
  const box = await target.boundingBox();
  return !!pane && !!box && box.y >= pane.y && box.y + box.height <= pane.y + pane.height;
}

/**
 * Searches until an answer lists something (the server indexes a message within moments of its
 * 201): each round types the query again, so the page asks again, and waits for its answer.
 */
async function searchUntilFound(page: Page, q: string): Promise<Locator> {
  const input = page.getByRole('searchbox', { name: 'Search messages' });
  const result = page.getByTestId('search-result');
  const none = page.getByTestId('message-search').getByText('No messages match');
  const deadline = Date.now() + SEARCH_WAIT_MS;
  for (;;) {
    await input.fill('');
    await input.fill(q);
    await result.first().or(none).waitFor();
    if ((await result.count()) > 0) return result;
    if (Date.now() > deadline) throw new Error(`No result for "${q}" within ${SEARCH_WAIT_MS} ms`);
  }
}

/**
 * Message search (issue 20): Ann finds a word Bob wrote sixty messages ago, sees it highlighted
 * under the chat's name, opens it and lands on the message, scrolled into view and lit up.
 */
describe('Message search in the browser', () => {
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
    await sendMessage(ann.page, 'What shall I bring?');
    await openChat(bob.page, ann.user.username);
    await sendMessage(bob.page, FOUND);
    await messageWithText(ann.page, FOUND).waitFor();
    const chatId = (await chatItem(ann.page, bob.user.username).getAttribute('data-chat-id')) ?? '';
    for (let i = 1; i <= 60; i++) await sendViaApi(i % 2 ? ann.page : bob.page, chatId, `filler ${i}`);
    await messageWithText(ann.page, 'filler 60').waitFor();
    // Only the latest page is held after a reload: the found message must be fetched to show.
    await ann.page.reload();
    await chatItem(ann.page, bob.user.username).waitFor();
  });

  afterEach(async ({ task }) => keepEvidence(task, { ann, bob }));

  afterAll(() => closeAll(browser, contexts));

  it('finds a word from sixty messages back, highlighted under the chat\'s name, and opens the chat at it', async () => {
    const page = ann.page;
    await page.getByRole('button', { name: 'Search messages' }).click();
    const results = await searchUntilFound(page, WORD);
    expect(await results.count()).toBe(1);
    const result = results.first();
    expect(await result.getByTestId('search-result-chat').textContent()).toBe(bob.user.username);
    expect(await result.getByTestId('search-result-sender').textContent()).toBe(bob.user.username);
    expect(await result.getByTestId('search-result-text').textContent()).toBe(FOUND);
    expect(await result.locator('mark').allTextContents()).toEqual([WORD]);
    await screenshot(page, 'search-results');
    expect(await seriousViolations(page, 'search-results')).toEqual([]);

    await result.click();
    await page.waitForURL(/\/chats\//);
    const target = messageWithText(page, FOUND);
    await target.and(page.locator('.highlighted')).waitFor({ timeout: 10_000 });
    expect(await inView(page, target)).toBe(true);
    await screenshot(page, 'search-jump');
  });

  it('says "No messages match" for nonsense, and Escape closes the search', async () => {
    const page = ann.page;
    const input = page.getByRole('searchbox', { name: 'Search messages' });
    if ((await input.count()) === 0) await page.getByRole('button', { name: 'Search messages' }).click();
    await input.fill(`qzxv${Math.random().toString(36).slice(2, 8)}`);
    await page.getByTestId('message-search').getByText('No messages match').waitFor();
    await input.press('Escape');
    await page.getByTestId('message-search').waitFor({ state: 'detached' });
    await page.getByTestId('chat-list').waitFor();
  });
});
