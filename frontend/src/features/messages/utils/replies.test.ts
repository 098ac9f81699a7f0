import { describe, expect, it } from 'vitest';
import type { LocalMessage, Message, ReplyRef } from '../../../lib/types';
import { applyUpdate, mergeServerMessages } from './messageList';
import { excerptOf, markQuotesDeleted, refreshQuotes, replyRefOf } from './replies';

const ME = 'u1';
const quote = (over: Partial<ReplyRef> = {}): ReplyRef => ({ id: 'm1', seq: 1, senderId: 'u2', excerpt: 'where shall we meet?', deleted: false, ...over });
const msg = (seq: number, over: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  chatId: 'c1',
  seq,
  senderId: seq === 1 ? 'u2' : ME,
  text: seq === 1 ? 'where shall we meet?' : `reply ${seq}`,
  sentAt: `2026-11-25T10:00:0${seq}Z`,
  deleted: false,
  editedAt: null,
  ...over,
});
const loaded = (): LocalMessage[] => mergeServerMessages([], [msg(1), msg(2, { replyTo: quote() }), msg(3)], ME);

describe('quotes', () => {
  it('read a payload without replyTo or reactions as none (older servers)', () => {
    const [m] = mergeServerMessages([], [msg(1)], ME);
    expect(m.replyTo).toBeNull();
    expect(m.reactions).toEqual([]);
  });

  it('turn into a deleted quote when the original is deleted, and only those quoting it', () => {
    const list = markQuotesDeleted(loaded(), 'm1');
    expect(list[1].replyTo).toEqual(quote({ excerpt: '', deleted: true }));
    expect(list[2].replyTo).toBeNull();
  });

  it('stay deleted when a page read earlier still shows the original', () => {
    let list = markQuotesDeleted(loaded(), 'm1');
    list = mergeServerMessages(list, [msg(2, { replyTo: quote() })], ME);
    expect(list[1].replyTo?.deleted).toBe(true);
  });

  it('follow an edit of the original', () => {
    const edited = msg(1, { text: 'at the station instead', editedAt: '2026-11-25T10:05:00Z' });
    const list = refreshQuotes(applyUpdate(loaded(), edited), edited);
    expect(list[1].replyTo?.excerpt).toBe('at the station instead');
  });

  it('ignore an edit older than the one shown (the list’s text wins)', () => {
    const newer = msg(1, { text: 'newest', editedAt: '2026-11-25T10:06:00Z' });
    const older = msg(1, { text: 'older', editedAt: '2026-11-25T10:05:00Z' });
    let list = refreshQuotes(applyUpdate(loaded(), newer), newer);
    list = refreshQuotes(applyUpdate(list, older), older);
    expect(list[1].replyTo?.excerpt).toBe('newest');
  });

  it('cut the excerpt at 120 characters, never inside an emoji', () => {
    expect(excerptOf('x'.repeat(200))).toHaveLength(120);
    const cut = excerptOf(`${'x'.repeat(119)}👍 and more`);
    expect(cut.endsWith('👍')).toBe(true);
  });

  it('are made for a pending reply from the loaded original', () => {
    const [original] = loaded();
    expect(replyRefOf(original)).toEqual(quote());
    expect(replyRefOf({ ...original, id: null, seq: null })).toBeNull();
  });
});

describe('message.updated', () => {
  it('takes the server’s reactions, optimistic ones included', () => {
    const reactions = [{ emoji: '👍', count: 2, userIds: ['u2', ME] }];
    const list = applyUpdate(loaded(), msg(3, { reactions }));
    expect(list[2].reactions).toEqual(reactions);
    expect(list[2].text).toBe('reply 3');
  });
});
