import { describe, expect, it, vi } from 'vitest';
import { initialMessengerState, messengerReducer } from '../../../app/messengerState';
import type { Message } from '../../../lib/types';
import { fetchSince, hasGap } from './gaps';

const msg = (seq: number): Message => ({ id: `m${seq}`, chatId: 'c1', seq, senderId: 'u2', text: `t${seq}`, sentAt: '2026-11-25T10:00:00Z', deleted: false });

describe('hasGap', () => {
  it('is false for the next message and for duplicates, true when one is skipped', () => {
    expect(hasGap(4, 5)).toBe(false);
    expect(hasGap(4, 4)).toBe(false);
    expect(hasGap(4, 3)).toBe(false);
    expect(hasGap(4, 6)).toBe(true);
    expect(hasGap(0, 2)).toBe(true);
  });
});

describe('fetchSince', () => {
  it('pages through afterSeq until a short page', async () => {
    const all = Array.from({ length: 7 }, (_, i) => msg(i + 1));
    const fetchAfter = vi.fn(async (after: number, limit: number) => all.filter((m) => m.seq > after).slice(0, limit));
    const got = await fetchSince(fetchAfter, 2, 2);
    expect(got.map((m) => m.seq)).toEqual([3, 4, 5, 6, 7]);
    expect(fetchAfter.mock.calls.map((c) => c[0])).toEqual([2, 4, 6]);
  });

  it('stops on a server that keeps answering the same page', async () => {
    const fetchAfter = vi.fn(async () => [msg(1), msg(2)]);
    const got = await fetchSince(fetchAfter, 0, 2);
    expect(got.map((m) => m.seq)).toEqual([1, 2]);
    expect(fetchAfter).toHaveBeenCalledTimes(2);
  });
});

describe('gap fill merged into the open chat', () => {
  it('fills the hole so the list is contiguous and the summary shows the newest', () => {
    const chat = { id: 'c1', type: 'direct' as const, name: null, members: [{ id: 'u1', username: 'me', avatarUrl: null }, { id: 'u2', username: 'bo', avatarUrl: null }], createdAt: '2026-11-25T09:00:00Z' };
    let s = messengerReducer({ ...initialMessengerState, me: { id: 'u1', username: 'me', avatarUrl: null } }, { type: 'chats.loaded', summaries: [{ chat, lastMessage: msg(2), unread: 0 }] });
    s = messengerReducer(s, { type: 'messages.loaded', chatId: 'c1', messages: [msg(1), msg(2)], page: 'latest', pageSize: 50 });
    s = messengerReducer(s, { type: 'message.received', message: msg(5) });
    expect(s.messages.c1.items.map((m) => m.seq)).toEqual([1, 2, 5]);
    s = messengerReducer(s, { type: 'messages.loaded', chatId: 'c1', messages: [msg(3), msg(4), msg(5)], page: 'after', pageSize: 200 });
    expect(s.messages.c1.items.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(s.chats.c1.lastMessage?.seq).toBe(5);
    // Not open: each new message from someone else counts as unread once.
    expect(s.chats.c1.unread).toBe(1);
  });
});

describe('an event that races the first page', () => {
  it('is kept and merged when the page arrives', () => {
    const me = { id: 'u1', username: 'me', avatarUrl: null };
    let s = messengerReducer({ ...initialMessengerState, me }, { type: 'chat.opened', chatId: 'c1' });
    s = messengerReducer(s, { type: 'message.received', message: msg(3) });
    expect(s.messages.c1.loaded).toBe(false);
    s = messengerReducer(s, { type: 'messages.loaded', chatId: 'c1', messages: [msg(1), msg(2)], page: 'latest', pageSize: 50 });
    expect(s.messages.c1.items.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('is not stored for a chat that is neither open nor loaded', () => {
    const s = messengerReducer(initialMessengerState, { type: 'message.received', message: msg(3) });
    expect(s.messages.c1).toBeUndefined();
  });
});
