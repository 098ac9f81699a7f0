import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../lib/types';
import { seriousViolations } from '../test/axe';
import { me, stubCarrier, unstubCarrier } from '../test/fakeCarrier';
import { FakeWebSocket, json } from '../test/fakeSocket';
import { App } from './App';

const bob = { id: 'u2', username: 'bob', avatarUrl: null };
const chat = { id: 'c1', type: 'direct', name: null, members: [{ id: 'u1', username: 'ann', avatarUrl: null }, bob], createdAt: '2026-11-25T09:00:00Z' };
const msg = (seq: number): Message => ({ id: `m${seq}`, chatId: 'c1', seq, senderId: 'u2', text: `message ${seq}`, sentAt: `2026-11-25T10:00:0${seq}Z`, deleted: false });

const group = { id: 'c2', type: 'group', name: 'Trip', members: [chat.members[0], bob, { id: 'u3', username: 'cat', avatarUrl: null }], createdAt: '2026-11-25T09:00:00Z' };

let history: Message[];
let calls: string[];
/** Whether GET /api/chats lists the group too. */
let withGroup: boolean;

beforeEach(() => {
  calls = [];
  withGroup = false;
  history = [msg(1), msg(2)];
  stubCarrier((url, init) => {
    const key = `${init?.method ?? 'GET'} ${url.pathname}${url.search}`;
    calls.push(key);
    if (url.pathname === '/api/auth/login') return json(200, { token: 'tok', expiresAt: '2026-11-26T00:00:00Z', user: me });
    if (url.pathname === '/api/chats') {
      const list = [{ chat, lastMessage: history.at(-1), unread: 0 }];
      return json(200, withGroup ? [...list, { chat: group, lastMessage: null, unread: 0 }] : list);
    }
    if (url.pathname === '/api/chats/c2/messages') return json(200, []);
    if (url.pathname === '/api/chats/c1/messages' && init?.method === 'POST') {
      const { text, clientMessageId } = JSON.parse(init.body as string) as { text: string; clientMessageId: string };
      return json(201, { message: { ...msg(history.length + 1), senderId: 'u1', text, clientMessageId } });
    }
    if (url.pathname === '/api/chats/c1/messages') {
      const after = url.searchParams.get('afterSeq');
      if (after !== null) return json(200, history.filter((m) => m.seq > Number(after)));
      return json(200, history.slice(-50));
    }
  });
});
afterEach(unstubCarrier);

const shownSeqs = () => screen.queryAllByTestId('message').map((el) => Number(el.dataset.seq));

async function openChatWithBob() {
  render(<App />);
  await screen.findByText('bob');
  fireEvent.click(screen.getByTestId('chat-item'));
  await waitFor(() => expect(shownSeqs()).toEqual([1, 2]));
  const ws = FakeWebSocket.all[0];
  // The token travels in the handshake; nothing is sent before the server says ready.
  expect(ws.protocols).toEqual(['bearer.tok']);
  act(() => ws.serverOpen());
  expect(ws.sent).toEqual([]);
  await act(async () => ws.push({ type: 'ready' }));
  return ws;
}

describe('live updates in the open chat', () => {
  it('shows a pushed message once, even when pushed twice', async () => {
    const ws = await openChatWithBob();
    history.push(msg(3));
    await act(async () => {
      ws.push({ type: 'message.created', message: msg(3) });
      ws.push({ type: 'message.created', message: msg(3) });
    });
    await waitFor(() => expect(shownSeqs()).toEqual([1, 2, 3]));
  });

  it('fills a gap: a message with seq > last+1 fetches afterSeq=last', async () => {
    const ws = await openChatWithBob();
    history.push(msg(3), msg(4), msg(5));
    calls.length = 0;
    await act(async () => ws.push({ type: 'message.created', message: msg(5) }));
    await waitFor(() => expect(shownSeqs()).toEqual([1, 2, 3, 4, 5]));
    expect(calls).toContain('GET /api/chats/c1/messages?afterSeq=2&limit=200');
  });

  it('after a reconnect, shows the banner, then fetches what was missed and refreshes the list', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const ws = await openChatWithBob();
      act(() => ws.serverDrop());
      expect(screen.getByTestId('reconnecting-banner').textContent).toContain('Reconnecting');
      history.push(msg(3));
      calls.length = 0;
      await act(async () => vi.advanceTimersByTime(2000));
      const ws2 = FakeWebSocket.all[1];
      expect(ws2).toBeDefined();
      act(() => ws2.serverOpen());
      await act(async () => ws2.push({ type: 'ready' }));
      await waitFor(() => expect(shownSeqs()).toEqual([1, 2, 3]));
      expect(calls).toContain('GET /api/chats');
      expect(calls).toContain('GET /api/chats/c1/messages?afterSeq=2&limit=200');
      expect(screen.queryByTestId('reconnecting-banner')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts down to the next attempt while reconnecting, and Retry now tries at once', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.spyOn(Math, 'random').mockReturnValue(1);
    try {
      const ws = await openChatWithBob();
      act(() => ws.serverDrop());
      // Sockets that open and drop again wait 0.5, 1, 2, then 4 s.
      for (const wait of [500, 1000, 2000]) {
        await act(async () => vi.advanceTimersByTime(wait));
        const next = FakeWebSocket.all.at(-1) as FakeWebSocket;
        act(() => next.serverOpen());
        act(() => next.serverDrop());
      }
      const banner = screen.getByTestId('reconnecting-banner');
      expect(banner.textContent).toBe('Reconnecting in 4 s…Retry now');
      await act(async () => vi.advanceTimersByTime(1_000));
      expect(banner.textContent).toContain('Reconnecting in 3 s…');
      const count = FakeWebSocket.all.length;
      fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
      expect(FakeWebSocket.all).toHaveLength(count + 1);
      expect(screen.getByTestId('reconnecting-banner').textContent).toBe('Reconnecting…');
      const last = FakeWebSocket.all.at(-1) as FakeWebSocket;
      act(() => last.serverOpen());
      await act(async () => last.push({ type: 'ready' }));
      expect(screen.queryByTestId('reconnecting-banner')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('marks the open chat read up to the newest seq', async () => {
    const ws = await openChatWithBob();
    await waitFor(() => expect(calls).toContain('POST /api/chats/c1/read'));
    history.push(msg(3));
    calls.length = 0;
    await act(async () => ws.push({ type: 'message.created', message: msg(3) }));
    await waitFor(() => expect(calls).toContain('POST /api/chats/c1/read'));
  });

  it('says the socket is refused, instead of reconnecting for ever, when handshakes fail but REST works', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      render(<App />);
      await screen.findByText('bob');
      for (let i = 0; i < 4; i++) {
        const ws = FakeWebSocket.all.at(-1) as FakeWebSocket;
        await act(async () => ws.serverDrop(1006));
        await act(async () => vi.advanceTimersByTime(20_000));
      }
      const banner = await screen.findByTestId('refused-banner');
      expect(banner.textContent).toContain('Live updates are refused by the server at this address');
      expect(screen.getByTestId('refused-reason').textContent).toContain('closed the live connection before it opened, 4 times in a row');
      // The slow retry was scheduled 60 s out; the loop above has since waited 20 s.
      expect(banner.textContent).toContain('Next try in 40 s.');
      await act(async () => vi.advanceTimersByTime(3_000));
      expect(banner.textContent).toContain('Next try in 37 s.');
      expect(screen.queryByTestId('reconnecting-banner')).toBeNull();
      const count = FakeWebSocket.all.length;
      fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
      expect(FakeWebSocket.all).toHaveLength(count + 1);
      const ws = FakeWebSocket.all.at(-1) as FakeWebSocket;
      act(() => ws.serverOpen());
      await act(async () => ws.push({ type: 'ready' }));
      await waitFor(() => expect(screen.queryByTestId('refused-banner')).toBeNull());
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the offline banner while the browser is offline, and catches up when it is back', async () => {
    const ws = await openChatWithBob();
    act(() => {
      vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
      window.dispatchEvent(new Event('offline'));
    });
    expect(screen.getByTestId('offline-banner').textContent).toContain('You are offline');
    history.push(msg(3));
    calls.length = 0;
    await act(async () => {
      vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
      window.dispatchEvent(new Event('online'));
    });
    expect(screen.queryByTestId('offline-banner')).toBeNull();
    await waitFor(() => expect(shownSeqs()).toEqual([1, 2, 3]));
    expect(calls).toContain('GET /api/chats/c1/messages?afterSeq=2&limit=200');
    expect(ws.readyState).toBe(1);
  });

  it('turns a reconnect that lasts more than a few seconds into the offline banner', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const ws = await openChatWithBob();
      vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
      act(() => ws.serverDrop());
      expect(screen.getByTestId('reconnecting-banner')).toBeDefined();
      for (let i = 0; i < 3; i++) {
        await act(async () => vi.advanceTimersByTime(2_000));
        (FakeWebSocket.all.at(-1) as FakeWebSocket).serverDrop();
      }
      expect(screen.getByTestId('offline-banner').dataset.reason).toBe('socket');
      expect(screen.queryByTestId('refused-banner')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('goes back to the landing page when the socket closes with 4401', async () => {
    const ws = await openChatWithBob();
    await act(async () => ws.serverDrop(4401));
    await screen.findByTestId('landing');
    expect(localStorage.getItem('carrier.token')).toBeNull();
  });
});

describe('every chat has an address', () => {
  it('opening a chat puts it in the address, and Back returns to the list', async () => {
    await openChatWithBob();
    expect(window.location.pathname).toBe('/chats/c1');
    expect(document.title).toBe('bob · Carrier');
    act(() => window.history.back());
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    await waitFor(() => expect(screen.queryByTestId('chat-view')).toBeNull());
    act(() => window.history.forward());
    await waitFor(() => expect(screen.getByTestId('chat-title').textContent).toBe('bob'));
  });

  it('a reload at /chats/<id> opens that chat', async () => {
    window.history.replaceState(null, '', '/chats/c1');
    render(<App />);
    await waitFor(() => expect(shownSeqs()).toEqual([1, 2]));
    expect(screen.getByTestId('chat-title').textContent).toBe('bob');
    expect(screen.getByTestId('chat-item').getAttribute('aria-current')).toBe('page');
  });

  it('a deep link survives the login page and opens its chat after login', async () => {
    localStorage.removeItem('carrier.token');
    window.history.replaceState(null, '', '/chats/c1');
    render(<App />);
    await screen.findByTestId('landing');
    fireEvent.change(screen.getByLabelText('Username or email'), { target: { value: 'ann' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(shownSeqs()).toEqual([1, 2]));
    expect(window.location.pathname).toBe('/chats/c1');
  });

  it('an address that names no chat of yours says so', async () => {
    window.history.replaceState(null, '', '/chats/not-mine');
    render(<App />);
    await screen.findByTestId('chat-not-found');
    fireEvent.click(screen.getByRole('link', { name: 'Back to your chats' }));
    await waitFor(() => expect(window.location.pathname).toBe('/'));
  });

  it('an unknown address goes to the list', async () => {
    window.history.replaceState(null, '', '/nowhere');
    render(<App />);
    await screen.findByText('bob');
    expect(window.location.pathname).toBe('/');
  });

  it('moving between chats keeps the sidebar as it was (no remount)', async () => {
    render(<App />);
    await screen.findByText('bob');
    fireEvent.change(screen.getByLabelText('Search chats'), { target: { value: 'bo' } });
    fireEvent.click(screen.getByTestId('chat-item'));
    await screen.findByTestId('chat-view');
    expect(screen.getByLabelText<HTMLInputElement>('Search chats').value).toBe('bo');
  });
});

describe('drafts', () => {
  const composer = () => screen.getByLabelText<HTMLTextAreaElement>('Message');
  const type = (text: string) => fireEvent.change(composer(), { target: { value: text } });
  const openItem = async (name: string) => {
    fireEvent.click(screen.getByText(name, { selector: '[data-testid="chat-item-name"]' }));
    await waitFor(() => expect(screen.getByTestId('chat-title').textContent).toBe(name));
  };

  it('keeps unsent text per chat across chat switches and a reload; sending clears it', async () => {
    withGroup = true;
    const { unmount } = render(<App />);
    await screen.findByText('Trip');
    await openItem('bob');
    type('for bob, not yet sent');
    await openItem('Trip');
    expect(composer().value).toBe('');
    type('for the trip');
    await openItem('bob');
    expect(composer().value).toBe('for bob, not yet sent');

    unmount();
    window.history.replaceState(null, '', '/chats/c2');
    render(<App />);
    await waitFor(() => expect(composer().value).toBe('for the trip'));
    await openItem('bob');
    expect(composer().value).toBe('for bob, not yet sent');

    fireEvent.keyDown(composer(), { key: 'Enter' });
    expect(composer().value).toBe('');
    expect(localStorage.getItem('carrier.draft.u1.c1')).toBeNull();
    expect(localStorage.getItem('carrier.draft.u1.c2')).toBe('for the trip');
  });

  it('logging out clears every draft', async () => {
    withGroup = true;
    render(<App />);
    await screen.findByText('Trip');
    await openItem('Trip');
    type('for the trip');
    expect(localStorage.getItem('carrier.draft.u1.c2')).toBe('for the trip');
    fireEvent.click(screen.getByTestId('logout-button'));
    await screen.findByTestId('landing');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('carrier.draft.'))).toEqual([]);
  });

  it('a logout that the socket reports before its own answer still clears every draft, and tells of no ended session', async () => {
    withGroup = true;
    render(<App />);
    await screen.findByText('Trip');
    await openItem('Trip');
    const ws = FakeWebSocket.all[0];
    act(() => ws.serverOpen());
    await act(async () => ws.push({ type: 'ready' }));
    type('for the trip');
    const answer = vi.mocked(fetch);
    const usual = answer.getMockImplementation()!;
    answer.mockImplementation(async (input, init) => {
      if (new URL(input as string, 'http://localhost').pathname !== '/api/auth/logout') return usual(input, init);
      // The server ends the session and closes its socket at once; the logout's answer comes later.
      ws.serverDrop(4401, 'Unauthorized');
      await new Promise((resolve) => setTimeout(resolve, 50));
      return json(204, undefined);
    });

    fireEvent.click(screen.getByTestId('logout-button'));
    await screen.findByTestId('landing');

    expect(Object.keys(localStorage).filter((k) => k.startsWith('carrier.draft.'))).toEqual([]);
    expect(screen.queryByText(/session has ended/)).toBeNull();
  });
});

describe('system lines', () => {
  it('shows the server’s system lines by current names, and a new name from chat.updated', async () => {
    withGroup = true;
    window.history.replaceState(null, '', '/chats/c2');
    render(<App />);
    await screen.findByTestId('chat-view');
    const ws = FakeWebSocket.all[0];
    act(() => ws.serverOpen());
    await act(async () => ws.push({ type: 'ready' }));
    const dan = { id: 'u4', username: 'dan', avatarUrl: null };
    const members = [group.members[0], group.members[2], dan];
    await act(async () => ws.push({ type: 'chat.updated', chat: { ...group, members } }));
    const line = (seq: number, senderId: string, system: object) =>
      ({ id: `s${seq}`, chatId: 'c2', seq, senderId, text: '', sentAt: '2026-11-25T10:05:00Z', deleted: false, system });
    await act(async () => ws.push({ type: 'message.created', message: line(90, group.members[0].id, { type: 'member.added', userIds: ['u4'] }) }));
    await act(async () => ws.push({ type: 'message.created', message: line(91, 'u2', { type: 'member.left', userIds: ['u2'] }) }));
    await act(async () => ws.push({ type: 'chat.updated', chat: { ...group, name: 'Road trip', members } }));
    const lines = () => screen.queryAllByTestId('system-line').map((el) => `${el.dataset.kind}: ${el.querySelector('span')?.textContent}`);
    await waitFor(() =>
      expect(lines()).toEqual(['added: You added dan to the group', 'left: bob left the group', 'renamed: The group was renamed “Road trip”']),
    );
    // The same members again (the echo of one's own change, a refresh) add nothing.
    await act(async () => ws.push({ type: 'chat.updated', chat: { ...group, name: 'Road trip', members: [group.members[0], group.members[2], dan] } }));
    expect(lines()).toHaveLength(3);
    expect(screen.getByTestId('chat-title').textContent).toBe('Road trip');
  });
});

describe('accessibility (axe-core in jsdom; colour contrast is the browser tests’ job)', () => {
  it('the landing page has no serious findings', async () => {
    localStorage.removeItem('carrier.token');
    render(<App />);
    await screen.findByTestId('landing');
    expect(await seriousViolations()).toEqual([]);
  });

  it('the messenger with an open chat has one h1 and one main, and no serious findings', async () => {
    await openChatWithBob();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getAllByRole('main')).toHaveLength(1);
    expect(await seriousViolations()).toEqual([]);
  });

  it('the new-chat and profile dialogs have no serious findings', async () => {
    await openChatWithBob();
    fireEvent.click(screen.getByTestId('new-chat-button'));
    await screen.findByTestId('new-chat-dialog');
    expect(await seriousViolations()).toEqual([]);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('new-chat-dialog')).toBeNull());
    fireEvent.click(screen.getByTestId('profile-button'));
    await screen.findByTestId('profile-dialog');
    expect(await seriousViolations()).toEqual([]);
  });
});
