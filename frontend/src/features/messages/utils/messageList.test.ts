import { describe, expect, it } from 'vitest';
import type { Message } from '../../../lib/types';
import { addPending, confirmPending, lastSeq, markFailed, mergeServerMessages, messageKey, pendingMessage } from './messageList';

const ME = 'u-me';
const msg = (seq: number, over: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  chatId: 'c1',
  seq,
  senderId: 'u-other',
  text: `text ${seq}`,
  sentAt: `2026-11-25T10:00:${String(seq).padStart(2, '0')}Z`,
  deleted: false,
  ...over,
});

describe('mergeServerMessages', () => {
  it('orders by seq whatever order pages and events arrive in', () => {
    let list = mergeServerMessages([], [msg(3), msg(4)], ME);
    list = mergeServerMessages(list, [msg(1), msg(2)], ME);
    list = mergeServerMessages(list, [msg(6)], ME);
    list = mergeServerMessages(list, [msg(5)], ME);
    expect(list.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('drops duplicates by id (a WebSocket event for a message already fetched)', () => {
    let list = mergeServerMessages([], [msg(1), msg(2)], ME);
    list = mergeServerMessages(list, [msg(2), msg(2), msg(1)], ME);
    expect(list).toHaveLength(2);
  });

  it('takes the deleted flag of a later copy', () => {
    let list = mergeServerMessages([], [msg(1)], ME);
    list = mergeServerMessages(list, [msg(1, { deleted: true, text: '' })], ME);
    expect(list[0].deleted).toBe(true);
  });

  it('keeps pending messages after confirmed ones', () => {
    let list = addPending([], pendingMessage('c1', ME, 'hello', 'cm-1'));
    list = mergeServerMessages(list, [msg(1), msg(2)], ME);
    expect(list.map((m) => m.text)).toEqual(['text 1', 'text 2', 'hello']);
  });

  it('replaces our pending message when its WebSocket echo races the 201', () => {
    let list = addPending([], pendingMessage('c1', ME, 'hello', 'cm-1'));
    list = mergeServerMessages(list, [msg(7, { senderId: ME, text: 'hello' })], ME);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'm7', seq: 7, status: 'sent', clientMessageId: 'cm-1' });
    // ...then the 201 arrives: still one message, same React key.
    list = confirmPending(list, 'cm-1', msg(7, { senderId: ME, text: 'hello' }));
    expect(list).toHaveLength(1);
    expect(messageKey(list[0])).toBe('cm-1');
  });

  it('matches an echoed clientMessageId even when the text differs (server trimmed it)', () => {
    let list = addPending([], pendingMessage('c1', ME, ' hi ', 'cm-9'));
    list = mergeServerMessages(list, [msg(3, { senderId: ME, text: 'hi', clientMessageId: 'cm-9' })], ME);
    expect(list).toHaveLength(1);
    expect(list[0].status).toBe('sent');
  });

  it("does not swallow someone else's message with the same text", () => {
    let list = addPending([], pendingMessage('c1', ME, 'ok', 'cm-1'));
    list = mergeServerMessages(list, [msg(1, { text: 'ok' })], ME);
    expect(list).toHaveLength(2);
    expect(list.filter((m) => m.status === 'sending')).toHaveLength(1);
  });
});

describe('confirmPending', () => {
  it('turns the optimistic message into the confirmed one, in seq order', () => {
    let list = mergeServerMessages([], [msg(1)], ME);
    list = addPending(list, pendingMessage('c1', ME, 'mine', 'cm-1'));
    list = confirmPending(list, 'cm-1', msg(2, { senderId: ME, text: 'mine' }));
    expect(list.map((m) => [m.seq, m.status])).toEqual([[1, 'sent'], [2, 'sent']]);
  });

  it('merges with a WebSocket copy that arrived first under another key', () => {
    let list = addPending([], pendingMessage('c1', ME, 'mine', 'cm-1'));
    // Echo matched nothing (different text after server normalisation), so both exist...
    list = mergeServerMessages(list, [msg(4, { senderId: ME, text: 'mine!' })], ME);
    expect(list).toHaveLength(2);
    // ...until the 201 names the id: one entry remains.
    list = confirmPending(list, 'cm-1', msg(4, { senderId: ME, text: 'mine!' }));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'm4', clientMessageId: 'cm-1', status: 'sent' });
  });

  it('is idempotent for a retried send answered with the same message', () => {
    let list = addPending([], pendingMessage('c1', ME, 'x', 'cm-1'));
    list = confirmPending(list, 'cm-1', msg(1, { senderId: ME, text: 'x' }));
    list = confirmPending(list, 'cm-1', msg(1, { senderId: ME, text: 'x' }));
    expect(list).toHaveLength(1);
  });
});

describe('failure and retry', () => {
  it('marks a failed message and re-sends it under the same clientMessageId', () => {
    let list = addPending([], pendingMessage('c1', ME, 'x', 'cm-1'));
    list = markFailed(list, 'cm-1', 'offline');
    expect(list[0]).toMatchObject({ status: 'failed', error: 'offline' });
    list = addPending(list, pendingMessage('c1', ME, 'x', 'cm-1'));
    expect(list).toHaveLength(1);
    expect(list[0].status).toBe('sending');
  });

  it('lastSeq ignores pending messages', () => {
    let list = mergeServerMessages([], [msg(1), msg(5)], ME);
    list = addPending(list, pendingMessage('c1', ME, 'x', 'cm-1'));
    expect(lastSeq(list)).toBe(5);
  });
});
