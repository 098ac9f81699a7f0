import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  assertStackUp,
  launch,
  makeUser,
  messageWithText,
  newUserPage,
  openChat,
  screenshot,
  sendMessage,
  signUp,
  startChat,
  signedUpPerson,
  keepEvidence,
  closeAll,
  type Person,
} from './support/browser';

/**
 * Drafts and membership lines with real people (issue 19): unsent text survives a chat switch and
 * a reload and goes at send and logout; adding someone and leaving show as lines in the others'
 * conversation, live, and stay there after a reload (they are messages of the chat's history).
 */
describe('Drafts and membership lines in the browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let ann: Person;
  let bob: Person;
  let cat: Person;
  const dan = makeUser('dan');
  const group = `Lines ${Date.now().toString(36)}`;

  beforeAll(async () => {
    await assertStackUp();
    browser = await launch();
    const open = (prefix: string): Promise<Person> => signedUpPerson(browser, prefix, contexts);
    ann = await open('ann');
    bob = await open('bob');
    cat = await open('cat');
    const { context, page } = await newUserPage(browser);
    contexts.push(context);
    await signUp(page, dan);
    await context.close();
    await startChat(ann.page, [bob.user.username]);
    await startChat(ann.page, [bob.user.username, cat.user.username], group);
    await sendMessage(ann.page, 'Welcome to the group');
    await messageWithText(ann.page, 'Welcome to the group').and(ann.page.locator('[data-status="sent"]')).waitFor();
  });

  afterEach(async ({ task }) => keepEvidence(task, { ann, bob, cat }));

  afterAll(() => closeAll(browser, contexts));

  it('keeps a draft per chat across a chat switch and a reload, and drops it once sent', async () => {
    const page = ann.page;
    const input = page.getByTestId('composer-input');
    await openChat(page, bob.user.username);
    await input.fill('A thought for Bob, half written');
    await openChat(page, group);
    expect(await input.inputValue()).toBe('');
    await input.fill('For the group, later');
    await openChat(page, bob.user.username);
    expect(await input.inputValue()).toBe('A thought for Bob, half written');

    await page.reload();
    await page.getByTestId('chat-title').getByText(bob.user.username, { exact: true }).waitFor();
    expect(await input.inputValue()).toBe('A thought for Bob, half written');
    await input.press('Enter');
    await messageWithText(page, 'A thought for Bob, half written').and(page.locator('[data-status="sent"]')).waitFor();
    await page.reload();
    await page.getByTestId('chat-title').getByText(bob.user.username, { exact: true }).waitFor();
    expect(await input.inputValue()).toBe('');
    await openChat(page, group);
    expect(await input.inputValue()).toBe('For the group, later');
    await input.fill('');
  });

  it('shows "ann added dan" to everyone when she adds him', async () => {
    await openChat(bob.page, group);
    await openChat(ann.page, group);
    await ann.page.getByTestId('chat-menu-button').click();
    await ann.page.getByTestId('add-members').click();
    const dialog = ann.page.getByTestId('add-members-dialog');
    await dialog.getByTestId('add-members-input').fill(dan.username);
    await dialog.getByTestId('add-members-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await ann.page.getByTestId('system-line').filter({ hasText: `You added ${dan.username} to the group` }).waitFor();
    await bob.page.getByTestId('system-line').filter({ hasText: `${ann.user.username} added ${dan.username} to the group` }).waitFor();
    // After the last message there was, not above it.
    const order = await bob.page.getByTestId('message-list').evaluate((ol) =>
      [...ol.children].map((li) => li.getAttribute('data-testid')).filter((t) => t !== 'day-separator'),
    );
    expect(order.slice(-2)).toEqual(['message', 'system-line']);
  });

  it('shows "cat left" to the others when she leaves', async () => {
    await openChat(cat.page, group);
    await cat.page.getByTestId('chat-menu-button').click();
    await cat.page.getByTestId('leave-chat').click();
    await cat.page.getByTestId('confirm-dialog').getByRole('button', { name: 'Leave' }).click();
    await cat.page.getByText('Welcome to Carrier').waitFor();
    const text = `${cat.user.username} left the group`;
    for (const page of [ann.page, bob.page]) {
      await page.getByTestId('system-line').filter({ hasText: text }).waitFor();
    }
    await screenshot(bob.page, 'system-lines');
    // The lines are the chat's history, not a memory of this page: a reload shows both again.
    await bob.page.reload();
    await bob.page.getByTestId('system-line').filter({ hasText: text }).waitFor();
    await bob.page.getByTestId('system-line').filter({ hasText: `${ann.user.username} added ${dan.username} to the group` }).waitFor();
  });

  it('clears every draft at logout', async () => {
    const page = bob.page;
    await page.getByTestId('composer-input').fill('Never sent');
    expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('carrier.draft.')))).toBe(true);
    await page.getByTestId('logout-button').click();
    await page.getByTestId('landing').waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('carrier.draft.')))).toEqual([]);
  });
});
