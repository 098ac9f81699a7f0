import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../lib/types';
import { stubCarrier, unstubCarrier } from '../test/fakeCarrier';
import { FakeWebSocket, json } from '../test/fakeSocket';
import { App } from './App';

const ann = { id: 'u1', username: 'ann', avatarUrl: null };
const bob = { id: 'u2', username: 'bob', avatarUrl: null };
const cat = { id: 'u3', username: 'cat', avatarUrl: null };
const trip = { id: 'c1', type: 'group', name: 'Trip', members: [ann, bob, cat], createdAt: '2026-11-25T09:00:00Z' };
const direct = { id: 'c2', type: 'direct', name: null, members: [ann, bob], createdAt: '2026-11-25T09:00:00Z' };
const message = (chatId: string, seq: number, over: Partial<Message> = {}): Message => ({
  id: `${chatId}-m${seq}`, chatId, seq, senderId: 'u2', text: `message ${seq}`, sentAt: `2026-11-25T10:00:0${seq}Z`, deleted: false, reactions: [], mentions: [], ...over,
});

let hidden: boolean;
let hideBodies: unknown[];
let hideAnswer: number;
let calls: string[];

beforeEach(() => {
  hidden = false;
  hideBodies = [];
  hideAnswer = 204;
  calls = [];
  window.history.replaceState(null, '', '/');
  stubCarrier((url, init) => {
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    if (url.pathname === '/api/chats') {
      const list = [{ chat: trip, lastMessage: message('c1', 2), unread: 0 }];
      return json(200, hidden ? list : [...list, { chat: direct, lastMessage: message('c2', 1), unread: 0 }]);
    }
    if (url.pathname === '/api/chats/c2/hidden' && init?.method === 'PUT') {
      const body = JSON.parse(init.body as string) as { hidden: boolean };
      hideBodies.push(body);
      if (hideAnswer !== 204) return json(hideAnswer, { title: 'Bad Request', status: hideAnswer, detail: 'Only a direct chat can be hidden.' });
      hidden = body.hidden;
      return json(204, undefined);
    }
    if (url.pathname === '/api/chats/c2') return json(200, { chat: direct });
    if (url.pathname === '/api/chats/c1/messages') return json(200, [message('c1', 1), message('c1', 2)]);
    if (url.pathname === '/api/chats/c2/messages') return json(200, [message('c2', 1)]);
  });
});
afterEach(unstubCarrier);

const listed = () => screen.queryAllByTestId('chat-item').map((el) => el.dataset.chatId);

async function start() {
  render(<App />);
  await screen.findByText('Trip');
  await waitFor(() => expect(listed()).toEqual(['c1', 'c2']));
  const ws = FakeWebSocket.all[0];
  await act(async () => ws.push({ type: 'ready' }));
  return ws;
}

async function openMenuOf(chatId: string) {
  fireEvent.click(screen.getAllByTestId('chat-item').find((el) => el.dataset.chatId === chatId) as HTMLElement);
  await screen.findByTestId('chat-view');
  fireEvent.click(screen.getByRole('button', { name: 'Chat options' }));
  await screen.findByTestId('chat-menu');
}

async function hideBob() {
  await openMenuOf('c2');
  fireEvent.click(screen.getByRole('menuitem', { name: 'Hide chat' }));
  await screen.findByText('Chat hidden. It comes back with the next message.');
}

describe('hiding a direct chat', () => {
  it('offers "Hide chat" in a direct chat\'s menu only', async () => {
    await start();
    await openMenuOf('c1');
    expect(screen.queryByRole('menuitem', { name: 'Hide chat' })).toBeNull();
    await openMenuOf('c2');
    expect(screen.getByRole('menuitem', { name: 'Hide chat' })).toBeTruthy();
  });

  it('puts hidden: true, takes the chat off the list and leaves it for the welcome screen', async () => {
    await start();
    await hideBob();
    expect(hideBodies).toEqual([{ hidden: true }]);
    expect(listed()).toEqual(['c1']);
    expect(window.location.pathname).toBe('/');
    expect(screen.queryByTestId('chat-view')).toBeNull();
    expect(screen.getByText('Welcome to Carrier')).toBeTruthy();
  });

  it('Undo puts hidden: false and the chat is back in the list', async () => {
    await start();
    await hideBob();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(listed()).toEqual(['c1', 'c2']));
    expect(hideBodies).toEqual([{ hidden: true }, { hidden: false }]);
    expect(screen.queryByTestId('hidden-notice')).toBeNull();
  });

  it('shows a refusal inline and keeps the chat', async () => {
    hideAnswer = 400;
    await start();
    await openMenuOf('c2');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Hide chat' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Only a direct chat can be hidden.');
    expect(listed()).toEqual(['c1', 'c2']);
    expect(window.location.pathname).toBe('/chats/c2');
  });

  it('follows chat.hidden from another session: gone when hidden, the list fetched again when shown', async () => {
    const ws = await start();
    hidden = true;
    await act(async () => ws.push({ type: 'chat.hidden', chatId: 'c2', hidden: true }));
    await waitFor(() => expect(listed()).toEqual(['c1']));
    hidden = false;
    const before = calls.filter((c) => c === 'GET /api/chats').length;
    await act(async () => ws.push({ type: 'chat.hidden', chatId: 'c2', hidden: false }));
    await waitFor(() => expect(listed()).toEqual(['c1', 'c2']));
    expect(calls.filter((c) => c === 'GET /api/chats').length).toBe(before + 1);
  });

  it('still opens a hidden chat by its address', async () => {
    hidden = true;
    window.history.replaceState(null, '', '/chats/c2');
    render(<App />);
    await screen.findByTestId('chat-view');
    expect(screen.getByTestId('chat-title').textContent).toBe('bob');
    expect(calls).toContain('GET /api/chats/c2');
  });

  it('brings a hidden chat back at the top when a message arrives in it', async () => {
    const ws = await start();
    await hideBob();
    const later = message('c2', 2, { text: 'are you there?', sentAt: '2026-11-25T11:00:00Z' });
    await act(async () => ws.push({ type: 'message.created', message: later }));
    await waitFor(() => expect(listed()).toEqual(['c2', 'c1']));
    expect(calls).toContain('GET /api/chats/c2');
    const top = screen.getAllByTestId('chat-item')[0];
    expect(top.textContent).toContain('are you there?');
    expect(within(top).getByTestId('unread-badge').textContent).toBe('1');
  });
});
