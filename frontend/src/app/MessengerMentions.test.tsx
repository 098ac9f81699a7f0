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
const direct = { id: 'c2', type: 'direct', name: null, members: [ann, cat], createdAt: '2026-11-25T09:00:00Z' };
const at = (seq: number) => new Date(Date.parse('2026-11-25T10:00:00Z') + seq * 1000).toISOString();
const message = (chatId: string, seq: number, over: Partial<Message> = {}): Message => ({
  id: `${chatId}-m${seq}`, chatId, seq, senderId: 'u2', text: `message ${seq}`, sentAt: at(seq), deleted: false, editedAt: null, replyTo: null, reactions: [], mentions: [], ...over,
});

let tripHistory: Message[];
let tripMentions: number;
let posted: { text: string }[];

beforeEach(() => {
  posted = [];
  tripHistory = [message('c1', 1, { text: '@ann can you bring the map?', mentions: ['u1'] })];
  tripMentions = 1;
  stubCarrier((url, init) => {
    if (url.pathname === '/api/chats') {
      return json(200, [
        { chat: trip, lastMessage: tripHistory.at(-1), unread: tripHistory.length, mentions: tripMentions },
        // An older server: no mentions field.
        { chat: direct, lastMessage: null, unread: 0 },
      ]);
    }
    if (url.pathname === '/api/chats/c1/messages' && init?.method === 'POST') {
      const body = JSON.parse(init.body as string) as { text: string };
      posted.push(body);
      const sent = message('c1', tripHistory.length + 1, { senderId: 'u1', text: body.text, mentions: ['u3'] });
      tripHistory.push(sent);
      return json(201, { message: sent });
    }
    if (url.pathname === '/api/chats/c1/messages') return json(200, tripHistory);
    if (url.pathname === '/api/chats/c2/messages') return json(200, []);
  });
});
afterEach(unstubCarrier);

const item = (chatId: string) => screen.getAllByTestId('chat-item').find((el) => el.dataset.chatId === chatId) as HTMLElement;

async function start() {
  render(<App />);
  await screen.findByText('Trip');
  const ws = FakeWebSocket.all[0];
  await act(async () => ws.push({ type: 'ready' }));
  return ws;
}

describe('mentions in the chat list', () => {
  it('shows the server’s count as "@ n", counts a new mention live, and clears it when the chat is opened', async () => {
    const ws = await start();
    const badge = () => within(item('c1')).queryByTestId('mention-badge');
    expect(badge()?.getAttribute('aria-label')).toBe('1 mention');
    expect(badge()?.textContent).toBe('@ 1');
    expect(within(item('c2')).queryByTestId('mention-badge')).toBeNull();

    // Another chat is open: a message naming me counts, one naming someone else does not.
    fireEvent.click(item('c2'));
    await screen.findByText('No messages yet. Say hello!');
    tripHistory.push(message('c1', 2, { text: '@cat too', mentions: ['u3'] }));
    await act(async () => ws.push({ type: 'message.created', message: tripHistory[1] }));
    expect(badge()?.getAttribute('aria-label')).toBe('1 mention');
    tripHistory.push(message('c1', 3, { text: 'and @ann, the tent', mentions: ['u1'] }));
    tripMentions = 2;
    await act(async () => ws.push({ type: 'message.created', message: tripHistory[2] }));
    expect(badge()?.getAttribute('aria-label')).toBe('2 mentions');
    expect(badge()?.textContent).toBe('@ 2');
    expect(within(item('c1')).getByTestId('unread-badge').textContent).toBe('3');

    fireEvent.click(item('c1'));
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(3));
    expect(badge()).toBeNull();
    expect(within(item('c1')).queryByTestId('unread-badge')).toBeNull();
    // While the chat is open, a new mention is read at once: no badge.
    await act(async () => ws.push({ type: 'message.created', message: message('c1', 4, { text: '@ann?', mentions: ['u1'] }) }));
    expect(badge()).toBeNull();
  });
});

describe('the chat list’s preview', () => {
  it('spells a mention by the member’s current name', async () => {
    // Written when cat was still "kitty".
    tripHistory = [message('c1', 1, { text: '@kitty, the tent?', mentions: ['u3'] })];
    await start();
    expect(within(item('c1')).getByTestId('chat-item-preview').textContent).toBe('bob: @cat, the tent?');
  });
});

describe('mentions in a conversation', () => {
  it('lights up the chips and the bubble that name me, and shows a chip on my own message before the server answers', async () => {
    await start();
    fireEvent.click(item('c1'));
    const [first] = await screen.findAllByTestId('message');
    expect(first.dataset.mentionsMe).toBe('true');
    const chip = within(first).getByTestId('mention');
    expect(chip.getAttribute('aria-label')).toBe('mentions you');
    expect(chip.textContent).toBe('@ann');

    const input = screen.getByLabelText<HTMLTextAreaElement>('Message');
    fireEvent.change(input, { target: { value: 'ok, and @cat brings food' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const mine = screen.getAllByTestId('message').at(-1) as HTMLElement;
    const catChip = within(mine).getByTestId('mention');
    expect(catChip.getAttribute('aria-label')).toBe('mention of cat');
    expect(catChip.dataset.userId).toBe('u3');
    expect(mine.dataset.mentionsMe).toBeUndefined();
    await waitFor(() => expect(posted).toHaveLength(1));
  });
});
