import type { MessengerState } from '../lib/messenger';
import type { LocalMessage, Message } from '../lib/types';
import {
  addPending,
  applyEdit,
  applyUpdate,
  confirmPending,
  markDeleted,
  markFailed,
  mergeServerMessages,
  removePending,
} from '../features/messages/utils/messageList';
import { toggleReaction } from '../features/messages/utils/reactions';
import { markQuotesDeleted, refreshQuotes } from '../features/messages/utils/replies';

// The messages family of the messenger's reducer: history pages, live message events, our own
// sends, edits and reactions. messengerState.ts holds the rest (chats, typing, reads).

export type MessageAction =
  | { type: 'messages.loaded'; chatId: string; messages: Message[]; page: 'latest' | 'older' | 'after'; pageSize: number }
  /** `unseen`: the page is hidden, so a message of the open chat counts as unread too. */
  | { type: 'message.received'; message: Message; unseen?: boolean }
  | { type: 'message.deleted'; chatId: string; messageId: string }
  /** The answer to our own edit: its text only (a reaction event may already be newer). */
  | { type: 'message.edited'; message: Message }
  /** A `message.updated` event: an edit or new reactions, the whole message. */
  | { type: 'message.updated'; message: Message }
  | { type: 'message.pending'; message: LocalMessage }
  | { type: 'message.confirmed'; chatId: string; clientMessageId: string; message: Message }
  | { type: 'message.failed'; chatId: string; clientMessageId: string; error: string }
  | { type: 'message.discarded'; chatId: string; clientMessageId: string }
  /** Our reaction shown before the server confirms it, or taken back when the call failed. */
  | { type: 'reaction.toggled'; chatId: string; messageId: string; emoji: string; userId: string; add: boolean };

export function newer(a: Message | null, b: Message | null): Message | null {
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
  const mentionsMe = !!state.me && (message.mentions ?? []).includes(state.me.id);
  const mentions = (summary.mentions ?? 0) + (countUnread && isNew && mentionsMe ? 1 : 0);
  return { ...state, chats: { ...state.chats, [message.chatId]: { ...summary, lastMessage, unread, mentions } } };
}

/** An edit reaches the chat list's preview too, when it is the last message. */
function editSummary(state: MessengerState, m: Message): MessengerState {
  const s = state.chats[m.chatId];
  if (s?.lastMessage?.id !== m.id || s.lastMessage.deleted) return state;
  return { ...state, chats: { ...state.chats, [m.chatId]: { ...s, lastMessage: { ...s.lastMessage, text: m.text, editedAt: m.editedAt } } } };
}

export function messagesReducer(state: MessengerState, action: MessageAction): MessengerState {
  switch (action.type) {
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
      return applyToSummary(next, m, !mine && (state.openChatId !== m.chatId || !!action.unseen));
    }
    case 'message.deleted': {
      let next = withMessages(state, action.chatId, (list) => markQuotesDeleted(markDeleted(list, action.messageId), action.messageId));
      const s = next.chats[action.chatId];
      if (s?.lastMessage?.id === action.messageId) {
        next = { ...next, chats: { ...next.chats, [action.chatId]: { ...s, lastMessage: { ...s.lastMessage, deleted: true, text: '' } } } };
      }
      return next;
    }
    case 'message.edited':
    case 'message.updated': {
      const m = action.message;
      const apply = action.type === 'message.updated' ? applyUpdate : applyEdit;
      return editSummary(withMessages(state, m.chatId, (list) => refreshQuotes(apply(list, m), m)), m);
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
    case 'reaction.toggled':
      return withMessages(state, action.chatId, (list) => toggleReaction(list, action.messageId, action.emoji, action.userId, action.add));
  }
}
