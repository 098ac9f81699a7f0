import type { Chat, LocalMessage, Message, MessageSystem, SystemLine } from '../../../lib/types';

const names = (list: string[]) =>
  list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;

/**
 * What a system line the server wrote says, by the people's current names: "ann added dan to the
 * group", "You added dan", "ann added you", "cat left the group".
 */
export function systemText(system: MessageSystem, actorId: string, nameOf: (id: string) => string, myId: string | null): string {
  const actor = actorId === myId ? 'You' : nameOf(actorId);
  if (system.type === 'member.left') return `${actor} left the group`;
  return `${actor} added ${names(system.userIds.map((id) => (id === myId ? 'you' : nameOf(id))))} to the group`;
}

/**
 * A person's name for a system line: as the reader knows them now, else as the line recorded it
 * (a member who left, whom the reader no longer shares a chat with).
 */
export function systemNameOf(system: MessageSystem, known: (id: string) => string | undefined): (id: string) => string {
  return (id) => known(id) ?? system.names?.[id] ?? 'Someone';
}

/** A system message as a line of the conversation, in its place (after the seq before it). */
export function systemMessageLine(message: Message & { system: MessageSystem }, known: (id: string) => string | undefined, myId: string | null): SystemLine {
  const nameOf = systemNameOf(message.system, known);
  return {
    id: message.id,
    chatId: message.chatId,
    kind: message.system.type === 'member.added' ? 'added' : 'left',
    text: systemText(message.system, message.senderId, nameOf, myId),
    at: message.sentAt,
    afterSeq: message.seq - 1,
  };
}

/**
 * What changed between two versions of a chat that the server writes no line for: a new name.
 * (Members added and left are system messages of the chat's history.)
 */
export function chatChangeLines(prev: Chat, next: Chat, afterSeq: number, at: Date): SystemLine[] {
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
export function interleave(
  items: readonly LocalMessage[],
  lines: readonly SystemLine[],
  asLine: (message: Message & { system: MessageSystem }) => SystemLine = (m) => systemMessageLine(m, () => undefined, null),
): ConversationEntry[] {
  const pending = [...lines].sort((a, b) => a.afterSeq - b.afterSeq || a.at.localeCompare(b.at));
  const out: ConversationEntry[] = [];
  let j = 0;
  items.forEach((message, index) => {
    while (j < pending.length && (message.seq === null || message.seq > pending[j].afterSeq)) out.push({ kind: 'system', line: pending[j++] });
    if (message.system && message.id !== null && message.seq !== null) {
      out.push({ kind: 'system', line: asLine({ ...message, id: message.id, seq: message.seq, system: message.system }) });
    } else {
      out.push({ kind: 'message', message, index });
    }
  });
  while (j < pending.length) out.push({ kind: 'system', line: pending[j++] });
  return out;
}
