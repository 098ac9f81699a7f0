import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message, Reaction } from '../lib/types';
import { stubCarrier, unstubCarrier } from '../test/fakeCarrier';
import { FakeWebSocket, json } from '../test/fakeSocket';
import { App } from './App';

const chat = { id: 'c1', type: 'direct', name: null, members: [{ id: 'u1', username: 'ann', avatarUrl: null }, { id: 'u2', username: 'bob', avatarUrl: null }], createdAt: '2026-11-25T09:00:00Z' };
const message = (reactions: Reaction[] = []): Message => ({
  id: 'm1', chatId: 'c1', seq: 1, senderId: 'u2', text: 'Pizza tonight?', sentAt: '2026-11-25T10:00:00Z', deleted: false, editedAt: null, replyTo: null, reactions,
});
const THUMBS = encodeURIComponent('👍');

let history: Message[];
let calls: string[];
/** How the next reaction call is answered; a test may hold it to look at the screen meanwhile. */
let answer: () => Promise<Response>;

beforeEach(() => {
  calls = [];
  history = [message()];
  answer = async () => json(204, undefined);
  stubCarrier((url, init) => {
    if (url.pathname === '/api/chats') return json(200, [{ chat, lastMessage: history[0], unread: 0 }]);
    if (url.pathname === '/api/chats/c1/messages') return json(200, history);
    if (url.pathname.startsWith('/api/chats/c1/messages/m1/reactions/')) {
      calls.push(`${init?.method} ${url.pathname}`);
      return answer();
    }
  });
});
afterEach(unstubCarrier);

async function openChat() {
  render(<App />);
  await screen.findByText('bob');
  fireEvent.click(screen.getByTestId('chat-item'));
  const bubble = await screen.findByTestId('message');
  const ws = FakeWebSocket.all[0];
  await act(async () => ws.push({ type: 'ready' }));
  return { ws, bubble };
}

const chip = (bubble: HTMLElement) => within(bubble).queryByTestId('reaction-chip');

describe('reacting', () => {
  it('shows our 👍 at once (pressed), PUTs it, and takes the server’s counts from message.updated', async () => {
    let release: () => void = () => undefined;
    answer = () => new Promise((resolve) => (release = () => resolve(json(204, undefined))));
    const { ws, bubble } = await openChat();
    fireEvent.click(within(bubble).getByRole('button', { name: 'React' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add reaction 👍' }));

    // Before the server answers.
    await waitFor(() => expect(calls).toEqual([`PUT /api/chats/c1/messages/m1/reactions/${THUMBS}`]));
    expect(chip(bubble)?.getAttribute('aria-label')).toBe('👍 1: ann');
    expect(chip(bubble)?.getAttribute('aria-pressed')).toBe('true');

    // Bob reacted too: the server's whole message wins.
    await act(async () => ws.push({ type: 'message.updated', message: message([{ emoji: '👍', count: 2, userIds: ['u2', 'u1'] }]) }));
    await act(async () => release());
    expect(chip(bubble)?.getAttribute('aria-label')).toBe('👍 2: bob, ann');
    expect(chip(bubble)?.textContent).toBe('👍 2');
    expect(chip(bubble)?.getAttribute('aria-pressed')).toBe('true');
  });

  it('takes our reaction back with DELETE from the pressed chip', async () => {
    history = [message([{ emoji: '👍', count: 2, userIds: ['u2', 'u1'] }])];
    const { bubble } = await openChat();
    fireEvent.click(within(bubble).getByRole('button', { name: '👍 2: bob, ann' }));
    await waitFor(() => expect(calls).toEqual([`DELETE /api/chats/c1/messages/m1/reactions/${THUMBS}`]));
    expect(chip(bubble)?.getAttribute('aria-label')).toBe('👍 1: bob');
    expect(chip(bubble)?.getAttribute('aria-pressed')).toBe('false');
  });

  it('undoes the reaction and says why when the server refuses it', async () => {
    answer = async () => json(400, { type: 'https://carrier.dev/problems/too-many-reactions', title: 'Bad Request', status: 400, detail: 'A message takes at most 20 different emoji.' });
    const { bubble } = await openChat();
    fireEvent.click(within(bubble).getByRole('button', { name: 'React' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add reaction 🚀' }));
    expect((await screen.findByRole('alert')).textContent).toContain('A message takes at most 20 different emoji.');
    expect(chip(bubble)).toBeNull();
  });

  it('shows others’ reactions live, and none once they are all taken back', async () => {
    const { ws, bubble } = await openChat();
    await act(async () => ws.push({ type: 'message.updated', message: message([{ emoji: '🎉', count: 1, userIds: ['u2'] }]) }));
    expect(chip(bubble)?.getAttribute('aria-label')).toBe('🎉 1: bob');
    expect(chip(bubble)?.getAttribute('aria-pressed')).toBe('false');
    await act(async () => ws.push({ type: 'message.updated', message: message([]) }));
    expect(chip(bubble)).toBeNull();
  });
});
