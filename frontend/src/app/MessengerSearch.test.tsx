import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Message } from '../lib/types';
import { stubCarrier, unstubCarrier } from '../test/fakeCarrier';
import { FakeWebSocket, json } from '../test/fakeSocket';
import { App } from './App';

const ann = { id: 'u1', username: 'ann', avatarUrl: null };
const bob = { id: 'u2', username: 'bob', avatarUrl: null };
const direct = { id: 'c1', type: 'direct', name: null, members: [ann, bob], createdAt: '2026-11-25T09:00:00Z' };
const at = (seq: number) => new Date(Date.parse('2026-11-25T10:00:00Z') + seq * 1000).toISOString();
const message = (seq: number, text = `message ${seq}`): Message => ({ id: `m${seq}`, chatId: 'c1', seq, senderId: 'u2', text, sentAt: at(seq), deleted: false });

let history: Message[];
let pages: string[];

beforeEach(() => {
  pages = [];
  history = Array.from({ length: 120 }, (_, i) => message(i + 1, i === 1 ? 'the marmalade plan' : undefined));
  window.history.replaceState(null, '', '/');
  stubCarrier((url) => {
    if (url.pathname === '/api/chats') return json(200, [{ chat: direct, lastMessage: history.at(-1), unread: 0 }]);
    if (url.pathname === '/api/search') {
      return json(200, { results: [{ message: history[1], chat: { id: 'c1', type: 'direct', name: null }, highlights: [[4, 14]] }], next: null });
    }
    if (url.pathname === '/api/chats/c1/messages') {
      pages.push(url.search);
      const before = url.searchParams.get('beforeSeq');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      if (before !== null) return json(200, history.filter((m) => m.seq < Number(before)).slice(-limit));
      return json(200, history.slice(-limit));
    }
  });
});
afterEach(unstubCarrier);

const bubble = (seq: number) => screen.queryAllByTestId('message').find((el) => el.dataset.seq === String(seq));

describe('opening a search result', () => {
  it('opens its chat, loads older pages back to it, scrolls to it and lights it up', async () => {
    // A pane that the latest page fills, so nothing older loads unless the jump asks for it.
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(5000);
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this);
    });
    onTestFinished(() => {
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    });
    render(<App />);
    await screen.findByText('bob');
    await act(async () => FakeWebSocket.all[0].push({ type: 'ready' }));

    fireEvent.click(screen.getByRole('button', { name: 'Search messages' }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search messages' }), { target: { value: 'marmalade' } });
    const result = await screen.findByTestId('search-result');
    expect(within(result).getByText('marmalade').tagName).toBe('MARK');
    fireEvent.click(result);

    await waitFor(() => expect(window.location.pathname).toBe('/chats/c1'));
    await waitFor(() => expect(bubble(2)).toBeTruthy());
    expect(pages.some((p) => p.includes('beforeSeq='))).toBe(true);
    await waitFor(() => expect(scrolled).toContain(bubble(2)));
    expect(bubble(2)?.className).toContain('highlighted');
    expect(document.activeElement).toBe(bubble(2));
  });
});
