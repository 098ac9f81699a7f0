import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../lib/types';
import { SEND_TIMEOUT_MS } from '../features/realtime/api/realtimeClient';
import { stubCarrier, unstubCarrier } from '../test/fakeCarrier';
import { FakeWebSocket, json } from '../test/fakeSocket';
import { App } from './App';

const chat = { id: 'c1', type: 'direct', name: null, members: [{ id: 'u1', username: 'ann', avatarUrl: null }, { id: 'u2', username: 'bob', avatarUrl: null }], createdAt: '2026-11-25T09:00:00Z' };
const message = (seq: number, over: Partial<Message> = {}): Message => ({
  id: `m${seq}`, chatId: 'c1', seq, senderId: 'u2', text: `message ${seq}`, sentAt: new Date(Date.parse('2026-11-25T10:00:00Z') + seq * 1000).toISOString(),
  deleted: false, editedAt: null, replyTo: null, reactions: [], mentions: [], attachments: [], ...over,
});

let history: Message[];
/** The bodies of POST /api/chats/c1/messages, in order. */
let posted: { text?: string; clientMessageId: string }[];
let calls: string[];

beforeEach(() => {
  posted = [];
  calls = [];
  history = [message(1), message(2)];
  stubCarrier((url, init) => {
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
    if (url.pathname === '/api/chats') return json(200, [{ chat, lastMessage: history.at(-1), unread: 0 }]);
    if (url.pathname === '/api/chats/c1/messages' && init?.method === 'POST') {
      const body = JSON.parse(init.body as string) as { text?: string; clientMessageId: string };
      posted.push(body);
      // Idempotent, as the server is: a retry of a stored message answers that message.
      const stored = history.find((m) => m.clientMessageId === body.clientMessageId) ?? store(body.text ?? '', body.clientMessageId);
      return json(201, { message: stored });
    }
    if (url.pathname === '/api/chats/c1/messages') {
      const after = url.searchParams.get('afterSeq');
      return json(200, after === null ? history : history.filter((m) => m.seq > Number(after)));
    }
  });
});
afterEach(unstubCarrier);

/** What the server stores for one of ann's sends. */
function store(text: string, clientMessageId: string): Message {
  const stored = message(history.length + 1, { senderId: 'u1', text, clientMessageId });
  history.push(stored);
  return stored;
}

const bubbles = () => screen.queryAllByTestId('message');
const bubbleWith = (text: string) => bubbles().find((el) => within(el).queryByTestId('message-text')?.textContent === text) as HTMLElement;
const frames = (ws: FakeWebSocket, type: string) => ws.sent.filter((f) => f.type === type);

/** Opens the chat with bob on a socket that the server has said ready on. */
async function openChat() {
  render(<App />);
  await screen.findByText('bob');
  fireEvent.click(screen.getByTestId('chat-item'));
  await waitFor(() => expect(bubbles()).toHaveLength(2));
  const ws = FakeWebSocket.all[0];
  act(() => ws.serverOpen());
  await act(async () => ws.push({ type: 'ready' }));
  return ws;
}

function sendText(text: string) {
  const input = screen.getByLabelText<HTMLTextAreaElement>('Message');
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

/** The one `send` frame the socket carried, and its clientMessageId. */
function onlySendFrame(ws: FakeWebSocket) {
  const sends = frames(ws, 'send');
  expect(sends).toHaveLength(1);
  return { frame: sends[0], clientMessageId: sends[0].clientMessageId as string };
}

describe('sending over the socket', () => {
  it('sends on the ready socket instead of POSTing, and the answer confirms the message', async () => {
    const ws = await openChat();
    sendText('Hello over the socket');
    const { frame, clientMessageId } = onlySendFrame(ws);
    expect(frame).toEqual({ type: 'send', chatId: 'c1', clientMessageId, text: 'Hello over the socket' });
    expect(bubbleWith('Hello over the socket').dataset.status).toBe('sending');

    const stored = store('Hello over the socket', clientMessageId);
    await act(async () => {
      ws.push({ type: 'sent', clientMessageId, message: stored });
      ws.push({ type: 'message.created', message: stored });
    });
    await waitFor(() => expect(bubbleWith('Hello over the socket').dataset.status).toBe('sent'));
    expect(bubbleWith('Hello over the socket').dataset.seq).toBe('3');
    expect(bubbles()).toHaveLength(3);
    expect(posted).toEqual([]);
  });

  it('carries a reply’s replyTo in the frame, as the POST would', async () => {
    const ws = await openChat();
    fireEvent.click(within(bubbles()[0]).getByRole('button', { name: 'Reply' }));
    sendText('Answering you');
    expect(onlySendFrame(ws).frame).toMatchObject({ type: 'send', chatId: 'c1', text: 'Answering you', replyTo: 'm1' });
  });

  it('fills the gap when the confirmed message’s seq jumps past what is held', async () => {
    const ws = await openChat();
    history.push(message(3, { text: 'missed while away' }));
    sendText('After the gap');
    const { clientMessageId } = onlySendFrame(ws);
    calls.length = 0;
    await act(async () => ws.push({ type: 'sent', clientMessageId, message: store('After the gap', clientMessageId) }));
    await waitFor(() => expect(bubbleWith('missed while away')).toBeTruthy());
    expect(calls).toContain('GET /api/chats/c1/messages?afterSeq=2&limit=200');
    expect(bubbles().map((el) => el.dataset.seq)).toEqual(['1', '2', '3', '4']);
  });

  it('POSTs while the socket is down', async () => {
    const ws = await openChat();
    act(() => ws.serverDrop());
    sendText('Sent while reconnecting');
    await waitFor(() => expect(bubbleWith('Sent while reconnecting').dataset.status).toBe('sent'));
    expect(posted).toEqual([{ text: 'Sent while reconnecting', clientMessageId: expect.any(String) as string }]);
    expect(frames(ws, 'send')).toEqual([]);
  });

  it('POSTs under the same clientMessageId when the socket closes before the answer', async () => {
    const ws = await openChat();
    sendText('Lost on the way?');
    const { clientMessageId } = onlySendFrame(ws);
    // The server stored it, but the answer never made it back.
    store('Lost on the way?', clientMessageId);
    expect(posted).toEqual([]);
    act(() => ws.serverDrop());
    await waitFor(() => expect(bubbleWith('Lost on the way?').dataset.status).toBe('sent'));
    expect(posted).toEqual([{ text: 'Lost on the way?', clientMessageId }]);
    expect(bubbles()).toHaveLength(3);
    expect(history).toHaveLength(3);
  });

  it('POSTs under the same clientMessageId when no answer comes in time', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const ws = await openChat();
      sendText('Anyone there?');
      const { clientMessageId } = onlySendFrame(ws);
      await act(async () => vi.advanceTimersByTime(SEND_TIMEOUT_MS - 1_000));
      expect(posted).toEqual([]);
      await act(async () => vi.advanceTimersByTime(1_000));
      await waitFor(() => expect(bubbleWith('Anyone there?').dataset.status).toBe('sent'));
      expect(posted).toEqual([{ text: 'Anyone there?', clientMessageId }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a send.failed like a failed POST, and Retry sends the same clientMessageId again', async () => {
    const ws = await openChat();
    sendText('Too long, say');
    const { clientMessageId } = onlySendFrame(ws);
    const problem = { type: 'https://carrier.dev/problems/invalid', title: 'Bad Request', status: 400, detail: 'Message text must be 1 to 4000 characters.', instance: '/api/chats/c1/messages' };
    await act(async () => ws.push({ type: 'send.failed', clientMessageId, problem }));
    const failed = await screen.findByRole('alert');
    expect(failed.textContent).toContain('Not sent: Message text must be 1 to 4000 characters.');
    expect(bubbleWith('Too long, say').dataset.status).toBe('failed');
    // A refusal is an answer: nothing goes by POST.
    expect(posted).toEqual([]);

    fireEvent.click(within(failed).getByRole('button', { name: 'Retry' }));
    const retries = frames(ws, 'send');
    expect(retries).toHaveLength(2);
    expect(retries[1]).toEqual({ type: 'send', chatId: 'c1', clientMessageId, text: 'Too long, say' });
    await act(async () => ws.push({ type: 'sent', clientMessageId, message: store('Too long, say', clientMessageId) }));
    await waitFor(() => expect(bubbleWith('Too long, say').dataset.status).toBe('sent'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
