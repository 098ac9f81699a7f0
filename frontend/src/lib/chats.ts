import type { Chat, ChatSummary, Member } from './types';

/** Chats sorted by their latest activity (last message, else creation), newest first. */
export function sortedChats(chats: Record<string, ChatSummary>): ChatSummary[] {
  const at = (s: ChatSummary) => s.lastMessage?.sentAt ?? s.chat.createdAt ?? '';
  return Object.values(chats).sort((a, b) => (at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : 0));
}

export function chatTitle(chat: Chat, myId: string | null): string {
  if (chat.type === 'direct') {
    const other = chat.members.find((m) => m.id !== myId) ?? chat.members[0];
    return other?.username ?? 'Direct chat';
  }
  return chat.name || chat.members.map((m) => m.username).join(', ');
}

export function chatPeer(chat: Chat, myId: string | null): Member | null {
  if (chat.type !== 'direct') return null;
  return chat.members.find((m) => m.id !== myId) ?? null;
}
