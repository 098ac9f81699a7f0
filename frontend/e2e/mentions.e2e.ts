import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  assertStackUp,
  chatItem,
  launch,
  makeUser,
  openChat,
  screenshot,
  startChat,
  signedUpPerson,
  keepEvidence,
  closeAll,
  type Person,
} from './support/browser';
import { seriousViolations } from './support/axe';
import { CARRIER_URL } from './support/env';

/**
 * @mentions between people (issue 18): Ann picks Bob from the composer's suggestions in a group,
 * Bob (reading another chat) sees "@ 1" on the group, opens it and finds the chip that names him,
 * and after Bob renames himself Ann's screen names him by his new name.
 */
describe('Mentions in the browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let ann: Person;
  let bob: Person;
  const cat = makeUser('cat');
  const group = `Map run ${Date.now().toString(36)}`;
  const bobsOldName = () => bob.user.username;
  let sentText = '';

  beforeAll(async () => {
    await assertStackUp();
    browser = await launch();
    const open = (prefix: string): Promise<Person> => signedUpPerson(browser, prefix, contexts);
    ann = await open('ann');
    bob = await open('bob');
    // Cat only needs an account: the third member of the group.
    const res = await fetch(`${CARRIER_URL}/api/auth/signup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: cat.username, email: cat.email, password: cat.password }),
    });
    expect(res.status).toBe(201);
    await startChat(ann.page, [bob.user.username, cat.username], group);
    // Bob reads another chat meanwhile.
    await startChat(bob.page, [cat.username]);
    await chatItem(bob.page, group).waitFor();
  });

  afterEach(async ({ task }) => keepEvidence(task, { ann, bob }));

  afterAll(() => closeAll(browser, contexts));

  it('suggests Bob after "@" and his first letters, and inserts his name with Enter', async () => {
    const input = ann.page.getByTestId('composer-input');
    await input.click();
    await input.pressSequentially(`Can you bring the map, @${bobsOldName().slice(0, 3)}`);
    const list = ann.page.getByRole('listbox', { name: 'Mention someone' });
    await list.waitFor();
    const option = list.getByRole('option', { name: `@${bobsOldName()}` });
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    // Only the others in the chat: not Ann herself.
    expect(await list.getByRole('option', { name: `@${ann.user.username}` }).count()).toBe(0);
    await screenshot(ann.page, 'mention-suggestions');
    expect(await seriousViolations(ann.page, 'mention-suggestions')).toEqual([]);

    await input.press('Enter');
    await list.waitFor({ state: 'detached' });
    expect(await input.inputValue()).toBe(`Can you bring the map, @${bobsOldName()} `);
    await input.pressSequentially('please?');
    sentText = `Can you bring the map, @${bobsOldName()} please?`;
    await input.press('Enter');
    const sent = ann.page.locator('[data-testid="message"][data-status="sent"]').filter({ has: ann.page.getByTestId('mention') });
    await sent.waitFor();
    expect(await sent.getByTestId('message-text').textContent()).toBe(sentText);
    expect(await sent.getByTestId('mention').getAttribute('aria-label')).toBe(`mention of ${bobsOldName()}`);
  });

  it('counts the mention on Bob’s chat list while he reads another chat, and clears it when he opens the group', async () => {
    const item = chatItem(bob.page, group);
    const badge = item.getByTestId('mention-badge');
    await badge.waitFor();
    expect(await badge.getAttribute('aria-label')).toBe('1 mention');
    expect(await badge.textContent()).toBe('@ 1');
    await screenshot(bob.page, 'mention-badge');

    await openChat(bob.page, group);
    const message = bob.page.locator('[data-testid="message"][data-mentions-me="true"]');
    await message.waitFor();
    expect(await message.getByTestId('message-text').textContent()).toBe(sentText);
    const chip = message.getByTestId('mention');
    expect(await chip.getAttribute('aria-label')).toBe('mentions you');
    expect(await chip.textContent()).toBe(`@${bobsOldName()}`);
    await badge.waitFor({ state: 'detached' });
    await screenshot(bob.page, 'mention');
    // The chip and the tinted bubble in a real layout (colour contrast included).
    expect(await seriousViolations(bob.page, 'mention')).toEqual([]);
  });

  it('shows the mention by Bob’s new name on Ann’s screen after he renames himself', async () => {
    const newName = `renamed_${Date.now().toString(36)}`;
    await bob.page.getByTestId('profile-button').click();
    const dialog = bob.page.getByTestId('profile-dialog');
    await dialog.getByTestId('profile-username').fill(newName);
    await dialog.getByTestId('profile-save').click();
    await dialog.getByText('Saved.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await bob.page.getByTestId('my-username').getByText(newName, { exact: true }).waitFor();

    await ann.page.reload();
    await openChat(ann.page, group);
    const message = ann.page.getByTestId('message').filter({ has: ann.page.getByTestId('mention') });
    const chip = message.getByTestId('mention');
    await chip.getByText(`@${newName}`, { exact: true }).waitFor();
    expect(await chip.getAttribute('aria-label')).toBe(`mention of ${newName}`);
    // The text as stored still says the old name; the screen says the new one.
    expect(await message.getByTestId('message-text').textContent()).toBe(sentText.replace(`@${bob.user.username}`, `@${newName}`));
    bob.user.username = newName;
    await screenshot(ann.page, 'mention-renamed');
  });
});
