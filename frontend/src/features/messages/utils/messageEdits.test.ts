import { describe, expect, it } from 'vitest';
import type { Message } from '../../../lib/types';
import { applyEdit, markDeleted, mergeServerMessages } from './messageList';

const ME = 'u-me';
const msg = (over: Partial<Message> = {}): Message => ({
  id: 'm1',
  chatId: 'c1',
  seq: 1,
  senderId: ME,
  text: 'tpyo',
  sentAt: '2026-11-25T10:00:00Z',
  deleted: false,
  editedAt: null,
  ...over,
});

describe('applyEdit', () => {
  it('replaces the text and shows when it was edited', () => {
    const list = applyEdit(mergeServerMessages([], [msg()], ME), msg({ text: 'typo', editedAt: '2026-11-25T10:01:00Z' }));
    expect(list[0]).toMatchObject({ text: 'typo', editedAt: '2026-11-25T10:01:00Z', seq: 1 });
  });

  it('never lets an older edit replace a newer one', () => {
    let list = mergeServerMessages([], [msg()], ME);
    list = applyEdit(list, msg({ text: 'second', editedAt: '2026-11-25T10:02:00Z' }));
    list = applyEdit(list, msg({ text: 'first', editedAt: '2026-11-25T10:01:00Z' }));
    expect(list[0].text).toBe('second');
  });

  it('never revives a deleted message', () => {
    const list = applyEdit(markDeleted(mergeServerMessages([], [msg()], ME), 'm1'), msg({ text: 'back', editedAt: '2026-11-25T10:01:00Z' }));
    expect(list[0]).toMatchObject({ deleted: true, text: '' });
  });

  it('keeps an edit that a history page read before the edit does not know of', () => {
    let list = applyEdit(mergeServerMessages([], [msg()], ME), msg({ text: 'typo', editedAt: '2026-11-25T10:01:00Z' }));
    list = mergeServerMessages(list, [msg()], ME);
    expect(list[0]).toMatchObject({ text: 'typo', editedAt: '2026-11-25T10:01:00Z' });
  });

  it('takes the edit a history page brings', () => {
    const list = mergeServerMessages(mergeServerMessages([], [msg()], ME), [msg({ text: 'typo', editedAt: '2026-11-25T10:01:00Z' })], ME);
    expect(list[0]).toMatchObject({ text: 'typo', editedAt: '2026-11-25T10:01:00Z' });
  });
});
