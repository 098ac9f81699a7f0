import { describe, expect, it } from 'vitest';
import type { Chat, LocalMessage, Member, SystemLine } from '../../../lib/types';
import { chatChangeLines, interleave, systemMessageLine, systemText } from './systemLines';

const ann: Member = { id: 'u1', username: 'ann', avatarUrl: null };
const bob: Member = { id: 'u2', username: 'bob', avatarUrl: null };
const cat: Member = { id: 'u3', username: 'cat', avatarUrl: null };
const dan: Member = { id: 'u4', username: 'dan', avatarUrl: null };
const group = (members = [ann, bob, cat], name: string | null = 'Trip'): Chat => ({ id: 'c1', type: 'group', name, members, createdAt: '2026-11-25T09:00:00Z' });
const at = new Date('2026-11-25T10:00:00Z');
const texts = (lines: SystemLine[]) => lines.map((l) => `${l.kind}: ${l.text}`);

describe('chatChangeLines', () => {
  it('leaves members added and gone to the server’s system lines', () => {
    expect(chatChangeLines(group(), group([ann, bob, cat, dan]), 7, at)).toEqual([]);
    expect(chatChangeLines(group([ann, bob]), group([ann, cat, dan]), 7, at)).toEqual([]);
  });

  it('says when the group got a new name, or lost it', () => {
    expect(texts(chatChangeLines(group(), group(undefined, 'Road trip'), 7, at))).toEqual(['renamed: The group was renamed “Road trip”']);
    expect(texts(chatChangeLines(group(), group(undefined, null), 7, at))).toEqual(['renamed: The group name was removed']);
  });

  it('is silent when nothing a reader cares about changed (a member renamed themself, a new photo)', () => {
    expect(chatChangeLines(group(), group([ann, { ...bob, username: 'robert', avatarUrl: '/a' }, cat]), 7, at)).toEqual([]);
  });

  it('places the line after the chat’s last message at the time', () => {
    const [line] = chatChangeLines(group(), group(undefined, 'Road trip'), 7, at);
    expect(line).toMatchObject({ chatId: 'c1', afterSeq: 7, at: at.toISOString() });
  });
});

describe('systemText', () => {
  const nameOf = (id: string) => [ann, bob, cat, dan].find((m) => m.id === id)?.username ?? 'Unknown';

  it('says who added whom by current names, with the reader as You', () => {
    expect(systemText({ type: 'member.added', userIds: ['u4'] }, 'u2', nameOf, 'u1')).toBe('bob added dan to the group');
    expect(systemText({ type: 'member.added', userIds: ['u3', 'u4'] }, 'u1', nameOf, 'u1')).toBe('You added cat and dan to the group');
    expect(systemText({ type: 'member.added', userIds: ['u4', 'u1', 'u3'] }, 'u2', nameOf, 'u1')).toBe('bob added dan, you and cat to the group');
  });

  it('says who left', () => {
    expect(systemText({ type: 'member.left', userIds: ['u3'] }, 'u3', nameOf, 'u1')).toBe('cat left the group');
    expect(systemText({ type: 'member.left', userIds: ['u1'] }, 'u1', nameOf, 'u1')).toBe('You left the group');
  });

  it('makes a system message a line in its own place', () => {
    const message = { id: 's5', chatId: 'c1', seq: 5, senderId: 'u2', text: '', sentAt: at.toISOString(), deleted: false, system: { type: 'member.left' as const, userIds: ['u2'] } };
    expect(systemMessageLine(message, nameOf, 'u1')).toEqual({ id: 's5', chatId: 'c1', kind: 'left', text: 'bob left the group', at: at.toISOString(), afterSeq: 4 });
  });

  it('names someone the reader no longer knows as the line recorded them', () => {
    const message = { id: 's6', chatId: 'c1', seq: 6, senderId: 'u9', text: '', sentAt: at.toISOString(), deleted: false, system: { type: 'member.left' as const, userIds: ['u9'], names: { u9: 'zoe' } } };
    expect(systemMessageLine(message, () => undefined, 'u1').text).toBe('zoe left the group');
    expect(systemMessageLine(message, (id) => (id === 'u9' ? 'zoe_renamed' : undefined), 'u1').text).toBe('zoe_renamed left the group');
    expect(systemMessageLine({ ...message, system: { type: 'member.left', userIds: ['u9'] } }, () => undefined, 'u1').text).toBe('Someone left the group');
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

  it('shows a system message as a line where its seq puts it', () => {
    const joined = { ...message(2), text: '', system: { type: 'member.added' as const, userIds: ['u4'] } };
    const entries = interleave([message(1), joined, message(3)], [], (m) => ({ ...line(m.seq - 1, `line ${m.seq}`), id: m.id }));
    expect(order(entries)).toEqual(['1', 'line 2', '3']);
  });
});
