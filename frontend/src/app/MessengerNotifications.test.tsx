import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../lib/types';
import { stubCarrier, unstubCarrier } from '../test/fakeCarrier';
import { FakeWebSocket, json } from '../test/fakeSocket';
import { App } from './App';

const members = [{ id: 'u1', username: 'ann', avatarUrl: null }, { id: 'u2', username: 'bob', avatarUrl: null }];
const direct = { id: 'c1', type: 'direct', name: null, members, createdAt: '2026-11-25T09:00:00Z' };
const group = { id: 'c2', type: 'group', name: 'Hiking', members, createdAt: '2026-11-25T09:00:00Z' };
const message = (chatId: string, seq: number, over: Partial<Message> = {}): Message => ({
  id: `${chatId}-m${seq}`, chatId, seq, senderId: 'u2', text: `message ${seq}`, sentAt: new Date(Date.parse('2026-11-25T10:00:00Z') + seq * 1000).toISOString(),
  deleted: false, editedAt: null, replyTo: null, reactions: [], ...over,
});

/** Every notification the page made. */
let shown: { title: string; options?: NotificationOptions; onclick: (() => void) | null }[];
let permission: NotificationPermission;
let visibility: DocumentVisibilityState;

class FakeNotification {
  static get permission() {
    return permission;
  }
  static requestPermission = vi.fn(async () => permission);
  onclick: (() => void) | null = null;
  constructor(title: string, options?: NotificationOptions) {
    const entry = { title, options, onclick: null as (() => void) | null };
    shown.push(entry);
    // The page sets onclick after constructing: read it through the entry.
    Object.defineProperty(this, 'onclick', { set: (f: () => void) => (entry.onclick = f), get: () => entry.onclick });
  }
  close() {}
}

beforeEach(() => {
  shown = [];
  permission = 'granted';
  visibility = 'visible';
  vi.stubGlobal('Notification', FakeNotification);
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  stubCarrier((url, init) => {
    if (url.pathname === '/api/chats') return json(200, [{ chat: direct, lastMessage: null, unread: 0 }, { chat: group, lastMessage: null, unread: 0 }]);
    if (url.pathname.endsWith('/messages') && init?.method === 'POST') return json(201, { message: message('c1', 1, { senderId: 'u1', text: 'hi' }) });
    if (url.pathname.endsWith('/messages')) return json(200, []);
  });
});
afterEach(unstubCarrier);

async function start() {
  render(<App />);
  await screen.findAllByTestId('chat-item');
  const ws = FakeWebSocket.all[0];
  await act(async () => ws.push({ type: 'ready' }));
  return ws;
}

const push = (ws: FakeWebSocket, m: Message) => act(async () => ws.push({ type: 'message.created', message: m }));

describe('desktop notifications', () => {
  it('tell of someone else’s message while the tab is hidden, and the title counts it as unread', async () => {
    const ws = await start();
    visibility = 'hidden';
    await push(ws, message('c1', 1, { text: 'Lunch at **noon**?' }));
    expect(shown).toEqual([expect.objectContaining({ title: 'bob', options: { body: 'Lunch at noon?', tag: 'c1' } })]);
    expect(document.title).toBe('(1) Carrier');
  });

  it('count a message of the open chat as unread while the tab is hidden, until it shows again', async () => {
    const ws = await start();
    fireEvent.click(screen.getAllByTestId('chat-item')[0]);
    await screen.findByTestId('chat-view');
    visibility = 'hidden';
    await push(ws, message('c1', 1, { text: 'still there?' }));
    expect(shown).toHaveLength(1);
    expect(document.title).toBe('(1) bob · Carrier');
    visibility = 'visible';
    await act(async () => document.dispatchEvent(new Event('visibilitychange')));
    await waitFor(() => expect(document.title).toBe('bob · Carrier'));
  });

  it('name the group, and say so when the message mentions the reader', async () => {
    const ws = await start();
    visibility = 'hidden';
    await push(ws, message('c2', 1, { text: '@ann look', mentions: ['u1'] }));
    expect(shown[0].title).toBe('bob mentioned you in Hiking');
  });

  it('stay away while the tab shows, for our own messages, and when turned off', async () => {
    const ws = await start();
    await push(ws, message('c1', 1));
    visibility = 'hidden';
    await push(ws, message('c1', 2, { senderId: 'u1' }));
    localStorage.setItem('carrier.notifications', 'off');
    await push(ws, message('c1', 3));
    expect(shown).toEqual([]);
  });

  it('open their chat when clicked', async () => {
    const ws = await start();
    visibility = 'hidden';
    await push(ws, message('c2', 1));
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => undefined);
    await act(async () => shown[0].onclick?.());
    await waitFor(() => expect(window.location.pathname).toBe('/chats/c2'));
    expect(focus).toHaveBeenCalled();
  });

  it('are asked for when the user sends a message, never on load', async () => {
    permission = 'default';
    await start();
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
    fireEvent.click(screen.getAllByTestId('chat-item')[0]);
    const input = await screen.findByLabelText('Message');
    fireEvent.change(input, { target: { value: 'hi' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
  });
});

describe('the Desktop notifications setting', () => {
  it('is on by default and turns notifications off in this browser', async () => {
    await start();
    fireEvent.click(screen.getByRole('button', { name: /profile/i }));
    const toggle = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Desktop notifications' });
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    expect(localStorage.getItem('carrier.notifications')).toBe('off');
  });

  it('is disabled, with the reason, when the browser denied permission', async () => {
    permission = 'denied';
    await start();
    fireEvent.click(screen.getByRole('button', { name: /profile/i }));
    const toggle = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Desktop notifications' });
    expect(toggle.disabled).toBe(true);
    expect(screen.getByTestId('notifications-note').textContent).toMatch(/Blocked by the browser/);
  });
});
