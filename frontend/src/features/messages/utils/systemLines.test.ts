import { describe, expect, it } from 'vitest';
import type { Chat, LocalMessage, Member, SystemLine } from '../../../lib/types';
import { chatChangeLines, interleave } from './systemLines';

const ann: Member = { id: 'u1', username: 'ann', avatarUrl: null };
const bob: Member = { id: 'u2', username: 'bob', avatarUrl: null };
const cat: Member = { id: 'u3', username: 'cat', avatarUrl: null };
const dan: Member = { id: 'u4', username: 'dan', avatarUrl: null };
const group = (members = [ann, bob, cat], name: string | null = 'Trip'): Chat => ({ id: 'c1', type: 'group', name, members, createdAt: '2026-11-25T09:00:00Z' });
const at = new Date('2026-11-25T10:00:00Z');
const texts = (lines: SystemLine[]) => lines.map((l) => `${l.kind}: ${l.text}`);

describe('chatChangeLines', () => {
  it('says who was added and who left, by id', () => {
    expect(texts(chatChangeLines(group(), group([ann, bob, cat, dan]), 'u1', 7, at))).toEqual(['added: dan was added to the group']);
    expect(texts(chatChangeLines(group(), group([ann, cat]), 'u1', 7, at))).toEqual(['left: bob left the group']);
    expect(texts(chatChangeLines(group([ann, bob]), group([ann, cat, dan]), 'u1', 7, at))).toEqual([
      'added: cat and dan were added to the group',
      'left: bob left the group',
    ]);
  });

  it('says when the group got a new name, or lost it', () => {
    expect(texts(chatChangeLines(group(), group(undefined, 'Road trip'), 'u1', 7, at))).toEqual(['renamed: The group was renamed “Road trip”']);
    expect(texts(chatChangeLines(group(), group(undefined, null), 'u1', 7, at))).toEqual(['renamed: The group name was removed']);
  });

  it('is silent when nothing a reader cares about changed (a member renamed themself, a new photo)', () => {
    expect(chatChangeLines(group(), group([ann, { ...bob, username: 'robert', avatarUrl: '/a' }, cat]), 'u1', 7, at)).toEqual([]);
  });

  it('places the line after the chat’s last message at the time, and writes the reader as You', () => {
    const [line] = chatChangeLines(group([bob, cat]), group([bob, cat, ann]), 'u1', 7, at);
    expect(line).toMatchObject({ chatId: 'c1', afterSeq: 7, at: at.toISOString(), text: 'You were added to the group' });
  });
});

describe('interleave', () => {
  const message = (seq: number | null): LocalMessage => ({
    id: seq === null ? null : `m${seq}`,
    clientMessageId: seq === null ? 'p' : null,
    chatId: 'c1',
    seq,
    senderId: 'u2',
    text: 't',
    sentAt: at.toISOString(),
    deleted: false,
    editedAt: null,
    replyTo: null,
    reactions: [],
    mentions: [],
    attachments: [],
    status: seq === null ? 'sending' : 'sent',
  });
  const line = (afterSeq: number, text: string): SystemLine => ({ id: text, chatId: 'c1', kind: 'left', text, at: at.toISOString(), afterSeq });
  const order = (entries: ReturnType<typeof interleave>) =>
    entries.map((e) => (e.kind === 'system' ? e.line.text : String(e.message.seq)));

  it('puts each line after the message it followed, and before messages still on their way', () => {
    const items = [message(1), message(2), message(3), message(null)];
    expect(order(interleave(items, [line(3, 'after 3'), line(1, 'after 1')]))).toEqual(['1', 'after 1', '2', '3', 'after 3', 'null']);
  });

  it('keeps a line at the end when nothing came after it, and at the top when it predates what is loaded', () => {
    expect(order(interleave([message(5)], [line(9, 'late'), line(2, 'early')]))).toEqual(['early', '5', 'late']);
  });
});
