import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  assertStackUp,
  chatItem,
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
import { seriousViolations } from './support/axe';

const NOTICE = 'Chat hidden. It comes back with the next message.';

/**
 * Hiding a direct chat (issue 19): it leaves the list of the one who hid it (and only theirs),
 * Undo brings it back, and the other person's next message brings it back live at the top.
 */
describe('Hiding a direct chat in the browser', () => {
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
    await sendMessage(ann.page, 'Hi Bob');
    await messageWithText(ann.page, 'Hi Bob').and(ann.page.locator('[data-status="sent"]')).waitFor();
    await chatItem(bob.page, ann.user.username).waitFor();
  });

  afterEach(async ({ task }) => keepEvidence(task, { ann, bob }));

  afterAll(() => closeAll(browser, contexts));

  async function hide(page: Page, title: string): Promise<void> {
    await openChat(page, title);
    await page.getByRole('button', { name: 'Chat options' }).click();
    await page.getByRole('menuitem', { name: 'Hide chat' }).click();
    await page.getByTestId('hidden-notice').getByText(NOTICE).waitFor();
  }

  it('takes the chat off the hider\'s list only, and Undo brings it back', async () => {
    await hide(ann.page, bob.user.username);
    await chatItem(ann.page, bob.user.username).waitFor({ state: 'detached' });
    expect(new URL(ann.page.url()).pathname).toBe('/');
    expect(await ann.page.getByTestId('chat-view').count()).toBe(0);
    await screenshot(ann.page, 'hide-notice');
    expect(await seriousViolations(ann.page, 'hide-notice')).toEqual([]);
    // Bob still has it; and a reload does not bring it back for Ann.
    expect(await chatItem(bob.page, ann.user.username).count()).toBe(1);

    await ann.page.getByTestId('hidden-notice').getByRole('button', { name: 'Undo' }).click();
    await chatItem(ann.page, bob.user.username).waitFor();
    await ann.page.getByTestId('hidden-notice').waitFor({ state: 'detached' });
  });

  it('stays hidden across a reload and comes back live, at the top, with the other person\'s next message', async () => {
    // Another chat, newer than Bob's, so "at the top" means something.
    const cat = makeUser('cat');
    const { context, page } = await newUserPage(browser);
    contexts.push(context);
    await signUp(page, cat);
    await startChat(ann.page, [cat.username]);
    await sendMessage(ann.page, 'Hi Cat');
    await messageWithText(ann.page, 'Hi Cat').and(ann.page.locator('[data-status="sent"]')).waitFor();

    await hide(ann.page, bob.user.username);
    await chatItem(ann.page, bob.user.username).waitFor({ state: 'detached' });
    await ann.page.reload();
    await chatItem(ann.page, cat.username).waitFor();
    expect(await chatItem(ann.page, bob.user.username).count()).toBe(0);

    await openChat(bob.page, ann.user.username);
    await sendMessage(bob.page, 'Are you still there?');
    const back = chatItem(ann.page, bob.user.username);
    await back.waitFor();
    await back.getByTestId('chat-item-preview').getByText('Are you still there?').waitFor();
    expect(await ann.page.getByTestId('chat-item').first().getAttribute('data-chat-id')).toBe(await back.getAttribute('data-chat-id'));
    await screenshot(ann.page, 'hide-back');
  });
});
