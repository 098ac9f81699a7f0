import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessengerContext, type Messenger } from '../../../lib/messenger';
import type { Message } from '../../../lib/types';
import { json } from '../../../test/fakeSocket';
import { SEARCH_DEBOUNCE_MS } from '../hooks/useMessageSearch';
import { MessageSearch } from './MessageSearch';

const ann = { id: 'u1', username: 'ann', avatarUrl: null };
const bob = { id: 'u2', username: 'bobby', avatarUrl: null };
const direct = { id: 'c1', type: 'direct' as const, name: null, members: [ann, bob], createdAt: '2026-11-25T09:00:00Z' };
const message = (seq: number, text: string): Message => ({ id: `m${seq}`, chatId: 'c1', seq, senderId: 'u2', text, sentAt: '2026-11-25T10:00:00Z', deleted: false });
const result = (seq: number, text: string, highlights: [number, number][], chat = { id: 'c1', type: 'direct', name: null }) => ({ message: message(seq, text), chat, highlights });

let urls: URL[];
let answer: (url: URL) => Response;

const messenger = {
  state: { me: { ...ann, email: null }, chats: { c1: { chat: direct, lastMessage: null, unread: 0 } }, users: { u1: ann, u2: bob } },
} as unknown as Messenger;

function Where() {
  const location = useLocation();
  return <output data-testid="where">{`${location.pathname} ${JSON.stringify(location.state)}`}</output>;
}

function renderSearch(path = '/', onClose = vi.fn()) {
  render(
    <MessengerContext.Provider value={messenger}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="*" element={<><MessageSearch onClose={onClose} /><Where /></>} />
        </Routes>
      </MemoryRouter>
    </MessengerContext.Provider>,
  );
  return onClose;
}

const type = (text: string) => fireEvent.change(screen.getByRole('searchbox', { name: 'Search messages' }), { target: { value: text } });
const params = (u: URL) => Object.fromEntries(u.searchParams);

beforeEach(() => {
  urls = [];
  answer = () => json(200, { results: [result(7, 'Pizza on Friday?', [[0, 5]])], next: null });
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const url = new URL(input, 'http://localhost');
    urls.push(url);
    return answer(url);
  }));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('MessageSearch', () => {
  it('asks once typing pauses for 300 ms, with the last query only', async () => {
    vi.useFakeTimers();
    renderSearch();
    type('p');
    await act(async () => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50));
    type('pi');
    await act(async () => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50));
    type('pizza');
    await act(async () => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1));
    expect(urls).toEqual([]);
    await act(async () => vi.advanceTimersByTime(1));
    expect(urls.map((u) => u.pathname + u.search)).toEqual(['/api/search?q=pizza&order=newest&limit=20']);
  });

  it('shows chat name, sender\'s current name and the text with the match in <mark>, never as HTML', async () => {
    answer = () => json(200, { results: [result(7, '<b>🍕 pizza</b>', [[6, 11]])], next: null });
    renderSearch();
    type('pizza');
    const item = await screen.findByTestId('search-result');
    expect(within(item).getByTestId('search-result-chat').textContent).toBe('bobby');
    expect(within(item).getByTestId('search-result-sender').textContent).toBe('bobby');
    expect([...item.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['pizza']);
    expect(within(item).getByTestId('search-result-text').textContent).toBe('<b>🍕 pizza</b>');
    expect(item.querySelector('b')).toBeNull();
    expect(screen.getByRole('list', { name: 'Search results' })).toBeTruthy();
  });

  it('passes best order and the open chat when asked, and loads more with the cursor', async () => {
    answer = (u) =>
      u.searchParams.get('before')
        ? json(200, { results: [result(3, 'older pizza', [[6, 11]])], next: null })
        : json(200, { results: [result(9, 'pizza again', [[0, 5]])], next: 'cur-1' });
    renderSearch('/chats/c1');
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'best' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'In this chat' }));
    type('pizza');
    await screen.findByText('again');
    expect(params(urls[0])).toEqual({ q: 'pizza', chatId: 'c1', order: 'best', limit: '20' });
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.getAllByTestId('search-result')).toHaveLength(2));
    expect(params(urls[1])).toEqual({ q: 'pizza', chatId: 'c1', order: 'best', before: 'cur-1', limit: '20' });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('says "No messages match" when nothing does', async () => {
    answer = () => json(200, { results: [], next: null });
    renderSearch();
    type('zzqx');
    expect(await screen.findByText('No messages match')).toBeTruthy();
  });

  it('shows a 400 problem\'s detail inline', async () => {
    answer = () => json(400, { title: 'Bad Request', status: 400, detail: 'q must be at most 200 characters.' });
    renderSearch();
    type('x'.repeat(201));
    expect((await screen.findByRole('alert')).textContent).toBe('q must be at most 200 characters.');
    expect(screen.queryByText('No messages match')).toBeNull();
  });

  it('opens the result\'s chat with the message to jump to, and closes on Escape', async () => {
    const onClose = renderSearch();
    type('pizza');
    fireEvent.click(await screen.findByTestId('search-result'));
    expect(screen.getByTestId('where').textContent).toBe('/chats/c1 {"jumpTo":{"id":"m7","seq":7}}');
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Search messages' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
