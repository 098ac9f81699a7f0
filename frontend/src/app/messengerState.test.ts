import { describe, expect, it } from 'vitest';
import type { Message } from '../lib/types';
import { initialMessengerState, messengerReducer } from './messengerState';

const msg = (seq: number): Message => ({ id: `m${seq}`, chatId: 'c1', seq, senderId: 'u2', text: `t${seq}`, sentAt: '2026-11-25T10:00:00Z', deleted: false });

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

describe('system lines from chat changes', () => {
  const me = { id: 'u1', username: 'me', avatarUrl: null };
  const bo = { id: 'u2', username: 'bo', avatarUrl: null };
  const cy = { id: 'u3', username: 'cy', avatarUrl: null };
  const group = { id: 'c1', type: 'group' as const, name: 'G', members: [me, bo, cy], createdAt: '2026-11-25T09:00:00Z' };

  it('makes none for a chat seen for the first time, nor for members added or gone (the server writes those), one after the last message for a new name', () => {
    let s = messengerReducer({ ...initialMessengerState, me }, { type: 'chats.loaded', summaries: [{ chat: group, lastMessage: msg(4), unread: 0 }] });
    expect(s.systemLines).toEqual({});
    s = messengerReducer(s, { type: 'chat.upserted', chat: { ...group, members: [me, cy] } });
    expect(s.systemLines).toEqual({});
    s = messengerReducer(s, { type: 'chat.upserted', chat: { ...group, name: 'H', members: [me, cy] } });
    expect(s.systemLines.c1).toMatchObject([{ kind: 'renamed', text: 'The group was renamed “H”', afterSeq: 4 }]);
  });

  it('notices a change missed while offline when the list is refreshed, and forgets them with the chat', () => {
    let s = messengerReducer({ ...initialMessengerState, me }, { type: 'chats.loaded', summaries: [{ chat: group, lastMessage: null, unread: 0 }] });
    s = messengerReducer(s, { type: 'chats.loaded', summaries: [{ chat: { ...group, name: 'New' }, lastMessage: null, unread: 0 }] });
    expect(s.systemLines.c1.map((l) => l.text)).toEqual(['The group was renamed “New”']);
    s = messengerReducer(s, { type: 'chat.removed', chatId: 'c1' });
    expect(s.systemLines.c1).toBeUndefined();
  });
});

describe('an edit (message.updated, or the answer to our own edit)', () => {
  it('replaces the text in the open chat and in the chat list’s last message', () => {
    const chat = { id: 'c1', type: 'direct' as const, name: null, members: [{ id: 'u1', username: 'me', avatarUrl: null }, { id: 'u2', username: 'bo', avatarUrl: null }], createdAt: '2026-11-25T09:00:00Z' };
    let s = messengerReducer({ ...initialMessengerState, me: { id: 'u1', username: 'me', avatarUrl: null } }, { type: 'chats.loaded', summaries: [{ chat, lastMessage: msg(2), unread: 0 }] });
    s = messengerReducer(s, { type: 'messages.loaded', chatId: 'c1', messages: [msg(1), msg(2)], page: 'latest', pageSize: 50 });
    s = messengerReducer(s, { type: 'message.edited', message: { ...msg(2), text: 'fixed', editedAt: '2026-11-25T10:01:00Z' } });
    expect(s.messages.c1.items.map((m) => m.text)).toEqual(['t1', 'fixed']);
    expect(s.messages.c1.items[1].editedAt).toBe('2026-11-25T10:01:00Z');
    expect(s.chats.c1.lastMessage?.text).toBe('fixed');
    expect(s.chats.c1.unread).toBe(0);
  });
});

describe('unread mentions in the chat list', () => {
  const me = { id: 'u1', username: 'me', avatarUrl: null };
  const chat = { id: 'c1', type: 'group' as const, name: 'G', members: [me, { id: 'u2', username: 'bo', avatarUrl: null }, { id: 'u3', username: 'cy', avatarUrl: null }], createdAt: '2026-11-25T09:00:00Z' };
  const loaded = (mentions?: number) =>
    messengerReducer({ ...initialMessengerState, me }, { type: 'chats.loaded', summaries: [{ chat, lastMessage: msg(2), unread: 2, ...(mentions === undefined ? {} : { mentions }) }] });

  it('reads an absent count as 0 and counts only new messages from others that name me', () => {
    let s = loaded();
    expect(s.chats.c1.mentions).toBe(0);
    s = messengerReducer(s, { type: 'message.received', message: { ...msg(3), mentions: ['u3'] } });
    s = messengerReducer(s, { type: 'message.received', message: { ...msg(4), mentions: ['u3', 'u1'] } });
    // A copy of one already counted (a gap fill, a second event) does not count twice.
    s = messengerReducer(s, { type: 'message.received', message: { ...msg(4), mentions: ['u3', 'u1'] } });
    s = messengerReducer(s, { type: 'message.received', message: { ...msg(5), senderId: 'u1', mentions: ['u1'] } });
    expect(s.chats.c1.mentions).toBe(1);
    expect(s.chats.c1.unread).toBe(4);
  });

  it('clears with a read of the last message on another of my sessions, not with an earlier one', () => {
    let s = loaded(2);
    s = messengerReducer(s, { type: 'read', chatId: 'c1', userId: 'u1', seq: 1 });
    expect(s.chats.c1.mentions).toBe(2);
    s = messengerReducer(s, { type: 'read', chatId: 'c1', userId: 'u2', seq: 2 });
    expect(s.chats.c1.mentions).toBe(2);
    s = messengerReducer(s, { type: 'read', chatId: 'c1', userId: 'u1', seq: 2 });
    expect(s.chats.c1.mentions).toBe(0);
  });

  it('stays 0 for the open chat when the list is refreshed', () => {
    let s = messengerReducer({ ...initialMessengerState, me }, { type: 'chat.opened', chatId: 'c1' });
    s = messengerReducer(s, { type: 'chats.loaded', summaries: [{ chat, lastMessage: msg(2), unread: 2, mentions: 1 }] });
    expect(s.chats.c1.mentions).toBe(0);
  });
});
