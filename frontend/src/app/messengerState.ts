import type { MessengerState } from '../lib/messenger';
import type { Chat, ChatSummary, Member, Message, User } from '../lib/types';
import { lastSeq } from '../features/messages/utils/messageList';
import { chatChangeLines } from '../features/messages/utils/systemLines';
import { messagesReducer, newer, type MessageAction } from './messagesReducer';

export const initialMessengerState: MessengerState = {
  me: null,
  chats: {},
  chatsLoaded: false,
  messages: {},
  typing: {},
  reads: {},
  users: {},
  openChatId: null,
  systemLines: {},
};

export type MessengerAction =
  | { type: 'reset'; me: User | null }
  | { type: 'me.updated'; user: User }
  | { type: 'chats.loaded'; summaries: ChatSummary[] }
  | { type: 'chat.upserted'; chat: Chat }
  /** A chat back in the list (hidden, or new to us) because this message arrived in it. */
  | { type: 'chat.returned'; chat: Chat; message: Message }
  | { type: 'chat.removed'; chatId: string }
  | { type: 'chat.opened'; chatId: string | null }
  | MessageAction
  | { type: 'typing'; chatId: string; userId: string; until: number }
  | { type: 'typing.expired'; now: number }
  | { type: 'read'; chatId: string; userId: string; seq: number }
  | { type: 'read.local'; chatId: string };

function rememberMembers(users: Record<string, Member>, chat: Chat): Record<string, Member> {
  const next = { ...users };
  for (const m of chat.members) next[m.id] = m;
  return next;
}

/** Lines for what changed in a chat we already knew (members, name), placed after its last message. */
function withChangeLines(state: MessengerState, prev: ChatSummary | undefined, next: Chat): MessengerState {
  if (!prev || next.type !== 'group') return state;
  const held = state.messages[next.id]?.items ?? [];
  const afterSeq = Math.max(lastSeq(held), prev.lastMessage?.seq ?? 0);
  const lines = chatChangeLines(prev.chat, next, afterSeq, new Date());
  if (!lines.length) return state;
  return { ...state, systemLines: { ...state.systemLines, [next.id]: [...(state.systemLines[next.id] ?? []), ...lines] } };
}

export function messengerReducer(state: MessengerState, action: MessengerAction): MessengerState {
  switch (action.type) {
    case 'reset':
      return { ...initialMessengerState, me: action.me };
    case 'me.updated': {
      const me = action.user;
      const chats: Record<string, ChatSummary> = {};
      for (const [id, s] of Object.entries(state.chats)) {
        chats[id] = {
          ...s,
          chat: {
            ...s.chat,
            members: s.chat.members.map((m) => (m.id === me.id ? { ...m, username: me.username, avatarUrl: me.avatarUrl } : m)),
          },
        };
      }
      return { ...state, me, chats, users: { ...state.users, [me.id]: { id: me.id, username: me.username, avatarUrl: me.avatarUrl } } };
    }
    case 'chats.loaded': {
      const chats: Record<string, ChatSummary> = {};
      let users = state.users;
      for (const s of action.summaries) {
        const open = s.chat.id === state.openChatId;
        const prev = state.chats[s.chat.id];
        chats[s.chat.id] = { ...s, lastMessage: newer(prev?.lastMessage ?? null, s.lastMessage), unread: open ? 0 : s.unread, mentions: open ? 0 : (s.mentions ?? 0) };
        users = rememberMembers(users, s.chat);
      }
      let next: MessengerState = { ...state, chats, users, chatsLoaded: true };
      // A refresh after a reconnect can reveal changes whose events were missed.
      for (const s of action.summaries) next = withChangeLines(next, state.chats[s.chat.id], s.chat);
      return next;
    }
    case 'chat.upserted': {
      const prev = state.chats[action.chat.id];
      const summary: ChatSummary = prev ? { ...prev, chat: action.chat } : { chat: action.chat, lastMessage: null, unread: 0, mentions: 0 };
      const next = { ...state, chats: { ...state.chats, [action.chat.id]: summary }, users: rememberMembers(state.users, action.chat) };
      return withChangeLines(next, prev, action.chat);
    }
    case 'chat.returned': {
      const prev = state.chats[action.chat.id];
      if (prev) return { ...state, chats: { ...state.chats, [action.chat.id]: { ...prev, lastMessage: newer(prev.lastMessage, action.message) } } };
      const open = action.chat.id === state.openChatId;
      const mine = action.message.senderId === state.me?.id;
      const summary: ChatSummary = { chat: action.chat, lastMessage: action.message, unread: open || mine ? 0 : 1, mentions: 0 };
      return { ...state, chats: { ...state.chats, [action.chat.id]: summary }, users: rememberMembers(state.users, action.chat) };
    }
    case 'chat.removed': {
      const chats = { ...state.chats };
      delete chats[action.chatId];
      const messages = { ...state.messages };
      delete messages[action.chatId];
      const systemLines = { ...state.systemLines };
      delete systemLines[action.chatId];
      return { ...state, chats, messages, systemLines, openChatId: state.openChatId === action.chatId ? null : state.openChatId };
    }
    case 'chat.opened': {
      let next: MessengerState = { ...state, openChatId: action.chatId };
      if (action.chatId && state.chats[action.chatId]) {
        next = { ...next, chats: { ...next.chats, [action.chatId]: { ...next.chats[action.chatId], unread: 0, mentions: 0 } } };
      }
      return next;
    }
    case 'typing': {
      if (action.userId === state.me?.id) return state;
      const cur = state.typing[action.chatId] ?? {};
      return { ...state, typing: { ...state.typing, [action.chatId]: { ...cur, [action.userId]: action.until } } };
    }
    case 'typing.expired': {
      let changed = false;
      const typing: MessengerState['typing'] = {};
      for (const [chatId, users] of Object.entries(state.typing)) {
        const kept: Record<string, number> = {};
        for (const [u, until] of Object.entries(users)) {
          if (until > action.now) kept[u] = until;
          else changed = true;
        }
        typing[chatId] = kept;
      }
      return changed ? { ...state, typing } : state;
    }
    case 'read': {
      const cur = state.reads[action.chatId] ?? {};
      const reads = { ...state.reads, [action.chatId]: { ...cur, [action.userId]: Math.max(cur[action.userId] ?? 0, action.seq) } };
      let chats = state.chats;
      const s = chats[action.chatId];
      // Read on another of my sessions: the badge goes away here too.
      if (action.userId === state.me?.id && s && (!s.lastMessage || action.seq >= s.lastMessage.seq)) {
        chats = { ...chats, [action.chatId]: { ...s, unread: 0, mentions: 0 } };
      }
      return { ...state, reads, chats };
    }
    case 'read.local': {
      const s = state.chats[action.chatId];
      if (!s || (s.unread === 0 && !s.mentions)) return state;
      return { ...state, chats: { ...state.chats, [action.chatId]: { ...s, unread: 0, mentions: 0 } } };
    }
    default:
      return messagesReducer(state, action);
  }
}
