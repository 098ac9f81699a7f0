import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../lib/types';
import { stubCarrier, unstubCarrier } from '../test/fakeCarrier';
import { FakeWebSocket, json } from '../test/fakeSocket';
import { App } from './App';

const chat = { id: 'c1', type: 'direct', name: null, members: [{ id: 'u1', username: 'ann', avatarUrl: null }, { id: 'u2', username: 'bob', avatarUrl: null }], createdAt: '2026-11-25T09:00:00Z' };
const history: Message[] = [
  { id: 'm1', chatId: 'c1', seq: 1, senderId: 'u2', text: 'hi ann', sentAt: '2026-11-25T10:00:01Z', deleted: false, editedAt: null },
  { id: 'm2', chatId: 'c1', seq: 2, senderId: 'u1', text: 'hi bbo', sentAt: '2026-11-25T10:00:02Z', deleted: false, editedAt: null },
];
let edits: { path: string; body: unknown }[];

beforeEach(() => {
  edits = [];
  stubCarrier((url, init) => {
    if (url.pathname === '/api/chats') return json(200, [{ chat, lastMessage: history[1], unread: 0 }]);
    if (url.pathname === '/api/chats/c1/messages') return json(200, history);
    if (init?.method === 'PATCH' && url.pathname === '/api/chats/c1/messages/m2') {
      const body = JSON.parse(init.body as string) as { text: string };
      edits.push({ path: url.pathname, body });
      return json(200, { message: { ...history[1], text: body.text, editedAt: '2026-11-25T10:05:00Z' } });
    }
  });
});
afterEach(unstubCarrier);

async function openChat() {
  render(<App />);
  await screen.findByText('bob');
  fireEvent.click(screen.getByTestId('chat-item'));
  await waitFor(() => expect(screen.queryAllByTestId('message')).toHaveLength(2));
  const ws = FakeWebSocket.all[0];
  await act(async () => ws.push({ type: 'ready' }));
  return ws;
}

describe('editing in the open chat', () => {
  it('edits the last own message from an empty composer with Up arrow, and marks it edited', async () => {
    await openChat();
    fireEvent.keyDown(screen.getByLabelText('Message'), { key: 'ArrowUp' });
    const input = await screen.findByLabelText<HTMLTextAreaElement>('Edit message text');
    expect(input.value).toBe('hi bbo');
    fireEvent.change(input, { target: { value: 'hi bob' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    await waitFor(() => expect(edits).toEqual([{ path: '/api/chats/c1/messages/m2', body: { text: 'hi bob' } }]));
    const mine = screen.getAllByTestId('message')[1];
    await waitFor(() => expect(within(mine).getByTestId('message-text').textContent).toBe('hi bob'));
    expect(within(mine).getByTestId('message-edited').textContent).toBe('edited');
    expect(screen.getByLabelText('Message')).toBeTruthy();
  });

  it('cancels an edit with Escape and sends nothing', async () => {
    await openChat();
    fireEvent.click(screen.getByRole('button', { name: 'Edit message' }));
    fireEvent.keyDown(await screen.findByLabelText('Edit message text'), { key: 'Escape' });
    expect(await screen.findByLabelText('Message')).toBeTruthy();
    expect(edits).toEqual([]);
  });

  it('shows someone else’s edit live (message.updated)', async () => {
    const ws = await openChat();
    await act(async () => ws.push({ type: 'message.updated', message: { ...history[0], text: 'hello ann', editedAt: '2026-11-25T10:06:00Z' } }));
    const theirs = screen.getAllByTestId('message')[0];
    await waitFor(() => expect(within(theirs).getByTestId('message-text').textContent).toBe('hello ann'));
    expect(within(theirs).getByTestId('message-edited')).toBeTruthy();
  });
});
