import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Message } from '../lib/types';
import { stubCarrier, unstubCarrier } from '../test/fakeCarrier';
import { FakeWebSocket, json } from '../test/fakeSocket';
import { App } from './App';

const chat = { id: 'c1', type: 'direct', name: null, members: [{ id: 'u1', username: 'ann', avatarUrl: null }, { id: 'u2', username: 'bob', avatarUrl: null }], createdAt: '2026-11-25T09:00:00Z' };
const at = (seq: number) => new Date(Date.parse('2026-11-25T10:00:00Z') + seq * 1000).toISOString();
const message = (seq: number, over: Partial<Message> = {}): Message => ({
  id: `m${seq}`, chatId: 'c1', seq, senderId: 'u2', text: `message ${seq}`, sentAt: at(seq), deleted: false, editedAt: null, replyTo: null, reactions: [], ...over,
});
const quoteOf = (m: Message) => ({ id: m.id, seq: m.seq, senderId: m.senderId, excerpt: m.text, deleted: false });

let history: Message[];
let posted: Record<string, unknown>[];
let pages: string[];

beforeEach(() => {
  posted = [];
  pages = [];
  const original = message(1, { text: 'Where shall we meet?' });
  history = [original, message(2, { senderId: 'u1', text: 'At the station', replyTo: quoteOf(original) }), message(3, { text: 'ok' })];
  stubCarrier((url, init) => {
    if (url.pathname === '/api/chats') return json(200, [{ chat, lastMessage: history.at(-1), unread: 0 }]);
    if (url.pathname === '/api/chats/c1/messages' && init?.method === 'POST') {
      const body = JSON.parse(init.body as string) as { text: string; clientMessageId: string; replyTo?: string };
      posted.push(body);
      const original = history.find((m) => m.id === body.replyTo);
      const sent = message(history.length + 1, { senderId: 'u1', text: body.text, replyTo: original ? quoteOf(original) : null });
      history.push(sent);
      return json(201, { message: sent });
    }
    if (url.pathname === '/api/chats/c1/messages') {
      pages.push(url.search);
      const before = url.searchParams.get('beforeSeq');
      const after = url.searchParams.get('afterSeq');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      if (after !== null) return json(200, history.filter((m) => m.seq > Number(after)));
      if (before !== null) return json(200, history.filter((m) => m.seq < Number(before)).slice(-limit));
      return json(200, history.slice(-limit));
    }
  });
});
afterEach(unstubCarrier);

const bubbles = () => screen.getAllByTestId('message');
const bubble = (seq: number) => bubbles().find((el) => el.dataset.seq === String(seq)) as HTMLElement;

async function openChat(count = 3) {
  render(<App />);
  await screen.findByText('bob');
  fireEvent.click(screen.getByTestId('chat-item'));
  await waitFor(() => expect(bubbles()).toHaveLength(count));
  const ws = FakeWebSocket.all[0];
  await act(async () => ws.push({ type: 'ready' }));
  return ws;
}

describe('replying', () => {
  it('shows the bar, sends replyTo with the next message, clears the bar, and quotes the original in the new bubble', async () => {
    await openChat();
    fireEvent.click(within(bubble(1)).getByRole('button', { name: 'Reply' }));
    const bar = screen.getByTestId('reply-bar');
    expect(bar.textContent).toContain('Replying to bob');
    expect(bar.textContent).toContain('Where shall we meet?');
    const input = screen.getByLabelText<HTMLTextAreaElement>('Message');
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: 'By the clock' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ text: 'By the clock', replyTo: 'm1' });
    expect(screen.queryByTestId('reply-bar')).toBeNull();
    await waitFor(() => expect(bubble(4)).toBeTruthy());
    expect(within(bubble(4)).getByRole('button', { name: 'In reply to bob: Where shall we meet?' })).toBeTruthy();
  });

  it('cancels with Escape: the next message answers nothing', async () => {
    await openChat();
    fireEvent.click(within(bubble(3)).getByRole('button', { name: 'Reply' }));
    const input = screen.getByLabelText<HTMLTextAreaElement>('Message');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByTestId('reply-bar')).toBeNull();
    fireEvent.change(input, { target: { value: 'Just a message' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).not.toHaveProperty('replyTo');
  });

  it('keeps the chat’s draft while a reply is chosen and cancelled', async () => {
    await openChat();
    const input = screen.getByLabelText<HTMLTextAreaElement>('Message');
    fireEvent.change(input, { target: { value: 'half a thought' } });
    fireEvent.click(within(bubble(1)).getByRole('button', { name: 'Reply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel reply' }));
    expect(input.value).toBe('half a thought');
    expect(localStorage.getItem('carrier.draft.u1.c1')).toBe('half a thought');
  });
});

describe('quotes in the conversation', () => {
  it('name the original’s sender and show its text', async () => {
    await openChat();
    const quote = within(bubble(2)).getByTestId('quote');
    expect(within(quote).getByTestId('quote-sender').textContent).toBe('bob');
    expect(within(quote).getByTestId('quote-excerpt').textContent).toBe('Where shall we meet?');
  });

  it('read "Deleted message" as soon as the original is deleted (message.deleted only)', async () => {
    const ws = await openChat();
    await act(async () => ws.push({ type: 'message.deleted', chatId: 'c1', messageId: 'm1' }));
    await waitFor(() => expect(within(bubble(2)).getByTestId('quote-excerpt').textContent).toBe('Deleted message'));
    expect(within(bubble(2)).queryByTestId('quote-sender')).toBeNull();
  });

  it('follow an edit of the original (message.updated)', async () => {
    const ws = await openChat();
    const edited = message(1, { text: 'Where shall we meet tomorrow?', editedAt: '2026-11-25T10:09:00Z' });
    await act(async () => ws.push({ type: 'message.updated', message: edited }));
    await waitFor(() => expect(within(bubble(2)).getByTestId('quote-excerpt').textContent).toBe('Where shall we meet tomorrow?'));
  });

  it('take the reader to an original older than what is loaded: older pages, then scrolled to, focused and lit up', async () => {
    const original = message(2, { text: 'The very first plan' });
    history = Array.from({ length: 60 }, (_, i) => (i === 1 ? original : message(i + 1)));
    history[59] = message(60, { senderId: 'u1', text: 'About that plan', replyTo: quoteOf(original) });
    // A pane that the latest page fills, so nothing older loads before the quote asks for it.
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(5000);
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this);
    });
    onTestFinished(() => {
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    });
    await openChat(50);
    expect(bubble(2)).toBeUndefined();

    fireEvent.click(within(bubble(60)).getByTestId('quote'));
    await waitFor(() => expect(bubble(2)).toBeTruthy());
    expect(pages).toContain('?beforeSeq=11&limit=200');
    await waitFor(() => expect(scrolled).toContain(bubble(2)));
    expect(document.activeElement).toBe(bubble(2));
    expect(bubble(2).className).toContain('highlighted');
  });
});
