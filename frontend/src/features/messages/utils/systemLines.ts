import type { Chat, LocalMessage, SystemLine } from '../../../lib/types';

const names = (list: string[]) =>
  list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;

/**
 * What changed between two versions of a chat, as lines for its conversation: who was added, who
 * left, and a new name. Compares members by id, so a member who only renamed themself is no
 * change. `myId` is written as "You".
 */
export function chatChangeLines(prev: Chat, next: Chat, myId: string | null, afterSeq: number, at: Date): SystemLine[] {
  const before = new Set(prev.members.map((m) => m.id));
  const after = new Set(next.members.map((m) => m.id));
  const who = (m: { id: string; username: string }) => (m.id === myId ? 'You' : m.username);
  const added = next.members.filter((m) => !before.has(m.id)).map(who);
  const left = prev.members.filter((m) => !after.has(m.id)).map(who);
  const iso = at.toISOString();
  const line = (kind: SystemLine['kind'], text: string): SystemLine => ({
    id: `${next.id}:${kind}:${iso}:${text}`,
    chatId: next.id,
    kind,
    text,
    at: iso,
    afterSeq,
  });
  const lines: SystemLine[] = [];
  if (added.length) lines.push(line('added', `${names(added)} ${added.length === 1 && added[0] !== 'You' ? 'was' : 'were'} added to the group`));
  if (left.length) lines.push(line('left', `${names(left)} left the group`));
  if ((prev.name ?? '') !== (next.name ?? '')) {
    lines.push(line('renamed', next.name ? `The group was renamed “${next.name}”` : 'The group name was removed'));
  }
  return lines;
}

export type ConversationEntry = { kind: 'message'; message: LocalMessage; index: number } | { kind: 'system'; line: SystemLine };

/**
 * Messages and system lines in reading order: a line goes after the message it followed
 * (`afterSeq`), before any message not yet confirmed.
 */
export function interleave(items: readonly LocalMessage[], lines: readonly SystemLine[]): ConversationEntry[] {
  const pending = [...lines].sort((a, b) => a.afterSeq - b.afterSeq || a.at.localeCompare(b.at));
  const out: ConversationEntry[] = [];
  let j = 0;
  items.forEach((message, index) => {
    while (j < pending.length && (message.seq === null || message.seq > pending[j].afterSeq)) out.push({ kind: 'system', line: pending[j++] });
    out.push({ kind: 'message', message, index });
  });
  while (j < pending.length) out.push({ kind: 'system', line: pending[j++] });
  return out;
}
