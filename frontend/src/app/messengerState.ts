import type { MessengerState } from '../lib/messenger';
import type { Chat, ChatSummary, LocalMessage, Member, Message, User } from '../lib/types';
import {
  addPending,
  applyEdit,
  confirmPending,
  lastSeq,
  markDeleted,
  markFailed,
  mergeServerMessages,
  removePending,
} from '../features/messages/utils/messageList';
import { chatChangeLines } from '../features/messages/utils/systemLines';

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
  | { type: 'chat.removed'; chatId: string }
  | { type: 'chat.opened'; chatId: string | null }
  | { type: 'messages.loaded'; chatId: string; messages: Message[]; page: 'latest' | 'older' | 'after'; pageSize: number }
  | { type: 'message.received'; message: Message }
  | { type: 'message.deleted'; chatId: string; messageId: string }
  | { type: 'message.edited'; message: Message }
  | { type: 'message.pending'; message: LocalMessage }
  | { type: 'message.confirmed'; chatId: string; clientMessageId: string; message: Message }
  | { type: 'message.failed'; chatId: string; clientMessageId: string; error: string }
  | { type: 'message.discarded'; chatId: string; clientMessageId: string }
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
  const lines = chatChangeLines(prev.chat, next, state.me?.id ?? null, afterSeq, new Date());
  if (!lines.length) return state;
  return { ...state, systemLines: { ...state.systemLines, [next.id]: [...(state.systemLines[next.id] ?? []), ...lines] } };
}

function newer(a: Message | null, b: Message | null): Message | null {
  if (!a) return b;
  if (!b) return a;
  if (a.chatId === b.chatId) return b.seq >= a.seq ? b : a;
  return b.sentAt >= a.sentAt ? b : a;
}

function withMessages(state: MessengerState, chatId: string, f: (list: LocalMessage[]) => LocalMessage[]): MessengerState {
  const cur = state.messages[chatId] ?? { items: [], hasMore: true, loaded: false };
  return { ...state, messages: { ...state.messages, [chatId]: { ...cur, items: f(cur.items) } } };
}

function applyToSummary(state: MessengerState, message: Message, countUnread: boolean): MessengerState {
  const summary = state.chats[message.chatId];
  if (!summary) return state;
  const isNew = !summary.lastMessage || message.seq > summary.lastMessage.seq;
  const lastMessage = newer(summary.lastMessage, message);
  const unread = countUnread && isNew ? summary.unread + 1 : summary.unread;
  return { ...state, chats: { ...state.chats, [message.chatId]: { ...summary, lastMessage, unread } } };
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
        chats[s.chat.id] = { ...s, lastMessage: newer(prev?.lastMessage ?? null, s.lastMessage), unread: open ? 0 : s.unread };
        users = rememberMembers(users, s.chat);
      }
      let next: MessengerState = { ...state, chats, users, chatsLoaded: true };
      // A refresh after a reconnect can reveal changes whose events were missed.
      for (const s of action.summaries) next = withChangeLines(next, state.chats[s.chat.id], s.chat);
      return next;
    }
    case 'chat.upserted': {
      const prev = state.chats[action.chat.id];
      const summary: ChatSummary = prev ? { ...prev, chat: action.chat } : { chat: action.chat, lastMessage: null, unread: 0 };
      const next = { ...state, chats: { ...state.chats, [action.chat.id]: summary }, users: rememberMembers(state.users, action.chat) };
      return withChangeLines(next, prev, action.chat);
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
        next = { ...next, chats: { ...next.chats, [action.chatId]: { ...next.chats[action.chatId], unread: 0 } } };
      }
      return next;
    }
    case 'messages.loaded': {
      const cur = state.messages[action.chatId] ?? { items: [], hasMore: true, loaded: false };
      const items = mergeServerMessages(cur.items, action.messages, state.me?.id ?? null);
      let hasMore = cur.hasMore;
      if (action.page !== 'after') {
        const first = action.messages.length ? Math.min(...action.messages.map((m) => m.seq)) : null;
        hasMore = action.messages.length >= action.pageSize && first !== null && first > 1;
        if (action.page === 'latest' && cur.loaded) hasMore = cur.hasMore;
      }
      let next: MessengerState = {
        ...state,
        messages: { ...state.messages, [action.chatId]: { items, hasMore, loaded: true } },
      };
      const newest = action.messages.reduce<Message | null>((a, m) => newer(a, m), null);
      if (newest) next = applyToSummary(next, newest, false);
      return next;
    }
    case 'message.received': {
      const m = action.message;
      const mine = m.senderId === state.me?.id;
      let next = state;
      // Kept also while the first page is still loading (the page merges with it), so an event
      // that races the initial fetch is not lost.
      if (state.messages[m.chatId] || state.openChatId === m.chatId) {
        next = withMessages(state, m.chatId, (list) => mergeServerMessages(list, [m], state.me?.id ?? null));
      }
      // A message from someone clears their typing indicator.
      const typing = next.typing[m.chatId];
      if (typing && typing[m.senderId]) {
        const t = { ...typing };
        delete t[m.senderId];
        next = { ...next, typing: { ...next.typing, [m.chatId]: t } };
      }
      return applyToSummary(next, m, !mine && state.openChatId !== m.chatId);
    }
    case 'message.deleted': {
      let next = withMessages(state, action.chatId, (list) => markDeleted(list, action.messageId));
      const s = next.chats[action.chatId];
      if (s?.lastMessage?.id === action.messageId) {
        next = { ...next, chats: { ...next.chats, [action.chatId]: { ...s, lastMessage: { ...s.lastMessage, deleted: true, text: '' } } } };
      }
      return next;
    }
    case 'message.edited': {
      const m = action.message;
      let next = withMessages(state, m.chatId, (list) => applyEdit(list, m));
      const s = next.chats[m.chatId];
      if (s?.lastMessage?.id === m.id && !s.lastMessage.deleted) {
        next = { ...next, chats: { ...next.chats, [m.chatId]: { ...s, lastMessage: { ...s.lastMessage, text: m.text, editedAt: m.editedAt } } } };
      }
      return next;
    }
    case 'message.pending':
      return withMessages(state, action.message.chatId, (list) => addPending(list, action.message));
    case 'message.confirmed': {
      const next = withMessages(state, action.chatId, (list) => confirmPending(list, action.clientMessageId, action.message));
      return applyToSummary(next, action.message, false);
    }
    case 'message.failed':
      return withMessages(state, action.chatId, (list) => markFailed(list, action.clientMessageId, action.error));
    case 'message.discarded':
      return withMessages(state, action.chatId, (list) => removePending(list, action.clientMessageId));
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
        chats = { ...chats, [action.chatId]: { ...s, unread: 0 } };
      }
      return { ...state, reads, chats };
    }
    case 'read.local': {
      const s = state.chats[action.chatId];
      if (!s || s.unread === 0) return state;
      return { ...state, chats: { ...state.chats, [action.chatId]: { ...s, unread: 0 } } };
    }
  }
}
