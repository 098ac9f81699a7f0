import { useCallback, useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { ApiError } from '../lib/api';
import { MessengerContext, type Messenger } from '../lib/messenger';
import type { Chat, Message, ServerEvent, User } from '../lib/types';
import { useSession } from '../features/auth/hooks/useSession';
import { chatsApi } from '../features/chats/api/chatsApi';
import { hasGap } from '../features/messages/utils/gaps';
import { lastSeq } from '../features/messages/utils/messageList';
import { usePresenceUpdates } from '../features/presence';
import { useRealtime } from '../features/realtime/hooks/useRealtime';
import { useMessageNotifications } from '../features/notifications';
import { initialMessengerState, messengerReducer } from './messengerState';
import { useChatActions } from './useChatActions';
import { useHistory } from './useHistory';
import { useMarkOpenChatRead } from './useMarkOpenChatRead';
import { useSending } from './useSending';

export const TYPING_SHOW_MS = 4000;
export const TYPING_SEND_EVERY_MS = 2000;

export function MessengerProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const [state, dispatch] = useReducer(messengerReducer, { ...initialMessengerState, me: session.user });
  const stateRef = useRef(state);
  stateRef.current = state;
  const { deleteMessage, editMessage, react, createChat, addMembers, leaveChat, hideChat, exportChat } = useChatActions(dispatch, stateRef);
  const { loadLatest, fillGap, loadOlder, loadBackTo } = useHistory(dispatch, stateRef);
  useMarkOpenChatRead(state, dispatch);
  const presence = usePresenceUpdates();
  const lastTypingSent = useRef(new Map<string, number>());
  // A sent message ends the typing indicator, so the next keystroke announces typing again.
  const onSent = useCallback((chatId: string) => lastTypingSent.current.delete(chatId), []);
  const notify = useMessageNotifications();

  useEffect(() => {
    if (session.user && session.user.id !== stateRef.current.me?.id) dispatch({ type: 'reset', me: session.user });
  }, [session.user]);

  const refreshChats = useCallback(async () => {
    try {
      const summaries = await chatsApi.list();
      dispatch({ type: 'chats.loaded', summaries });
    } catch {
      /* shown as stale; the next reconnect retries */
    }
  }, []);

  /** A chat not in the list (new to us, or hidden until now) that a message arrived in. */
  const ensureChat = useCallback(async (chatId: string, message?: Message) => {
    if (stateRef.current.chats[chatId]) return;
    try {
      const { chat } = await chatsApi.get(chatId);
      dispatch(message ? { type: 'chat.returned', chat, message } : { type: 'chat.upserted', chat });
    } catch {
      /* not visible to us */
    }
  }, []);

  const onMessage = useCallback((message: Message) => {
    const s = stateRef.current;
    const list = s.messages[message.chatId];
    const gap = !!list?.loaded && hasGap(lastSeq(list.items), message.seq);
    if (!s.chats[message.chatId]) void ensureChat(message.chatId, message);
    notify(message, s);
    // While the tab is hidden even the open chat's message is unread (the title counts it).
    dispatch({ type: 'message.received', message, unseen: document.visibilityState === 'hidden' });
    if (gap) void fillGap(message.chatId);
  }, [ensureChat, fillGap, notify]);

  const onChat = useCallback((chat: Chat) => {
    const me = stateRef.current.me;
    if (me && !chat.members.some((m) => m.id === me.id)) {
      dispatch({ type: 'chat.removed', chatId: chat.id });
      return;
    }
    dispatch({ type: 'chat.upserted', chat });
    const mine = me && chat.members.find((m) => m.id === me.id);
    if (mine && (mine.username !== me.username || mine.avatarUrl !== me.avatarUrl)) {
      const updated = { ...me, username: mine.username, avatarUrl: mine.avatarUrl };
      dispatch({ type: 'me.updated', user: updated });
      session.setUser(updated);
    }
  }, [session]);

  const onEvent = useCallback((e: ServerEvent) => {
    switch (e.type) {
      case 'message.created':
        onMessage(e.message);
        break;
      case 'message.updated':
        dispatch({ type: 'message.updated', message: e.message });
        break;
      case 'message.deleted':
        dispatch({ type: 'message.deleted', chatId: e.chatId, messageId: e.messageId });
        break;
      case 'chat.created':
      case 'chat.updated':
        onChat(e.chat);
        break;
      case 'chat.hidden':
        // From this session or another of ours: gone from the list, or back where it belongs.
        if (e.hidden) dispatch({ type: 'chat.removed', chatId: e.chatId });
        else void refreshChats();
        break;
      case 'read':
        dispatch({ type: 'read', chatId: e.chatId, userId: e.userId, seq: e.seq });
        break;
      case 'typing':
        dispatch({ type: 'typing', chatId: e.chatId, userId: e.userId, until: Date.now() + TYPING_SHOW_MS });
        break;
      case 'presence':
        presence({ type: 'presence.changed', presence: { userId: e.userId, online: e.online, lastSeenAt: e.lastSeenAt } });
        break;
      default:
        break;
    }
  }, [onMessage, onChat, refreshChats, presence]);

  const onReady = useCallback(async () => {
    // After any (re)connect: refresh the list and fill every chat we hold messages for.
    await refreshChats();
    const s = stateRef.current;
    const ids = new Set(Object.keys(s.messages).filter((id) => s.messages[id].loaded));
    if (s.openChatId) ids.add(s.openChatId);
    await Promise.all([...ids].map((id) => fillGap(id)));
  }, [refreshChats, fillGap]);

  // Asked when the socket keeps failing: if the API answers, the socket alone is refused.
  const probeApi = useCallback(async () => {
    try {
      dispatch({ type: 'chats.loaded', summaries: await chatsApi.list() });
      return true;
    } catch (e) {
      return e instanceof ApiError && e.status > 0 && e.status < 500;
    }
  }, []);

  const { status: connection, detail: connectionDetail, send: sendFrame, sendMessage: sendOverSocket, reconnect } = useRealtime(session.token, {
    onEvent,
    onReady: () => void onReady(),
    onUnauthorized: session.expire,
    probeApi,
  });
  const { send, retry, discard } = useSending(dispatch, stateRef, fillGap, onSent, sendOverSocket);

  // First load (the socket's ready also refreshes, but the list should not wait for it).
  useEffect(() => {
    if (session.token) void refreshChats();
  }, [session.token, refreshChats]);

  // Typing indicators fade out on their own.
  useEffect(() => {
    const t = setInterval(() => dispatch({ type: 'typing.expired', now: Date.now() }), 1000);
    return () => clearInterval(t);
  }, []);

  const openChat = useCallback((chatId: string | null) => {
    dispatch({ type: 'chat.opened', chatId });
    if (!chatId) return;
    const list = stateRef.current.messages[chatId];
    if (!list?.loaded) void loadLatest(chatId).catch(() => undefined);
    else void fillGap(chatId);
  }, [loadLatest, fillGap]);

  // A chat the list leaves out (hidden) still opens by its address, a deep link or a search result.
  const openMissing = state.chatsLoaded && !!state.openChatId && !state.chats[state.openChatId];
  useEffect(() => {
    if (openMissing && state.openChatId) void ensureChat(state.openChatId);
  }, [openMissing, state.openChatId, ensureChat]);

  const typing = useCallback((chatId: string) => {
    const now = Date.now();
    if (now - (lastTypingSent.current.get(chatId) ?? 0) < TYPING_SEND_EVERY_MS) return;
    if (sendFrame({ type: 'typing', chatId })) lastTypingSent.current.set(chatId, now);
  }, [sendFrame]);

  const updateMe = useCallback((user: User) => {
    dispatch({ type: 'me.updated', user });
    session.setUser(user);
  }, [session]);

  const value = useMemo<Messenger>(
    () => ({ state, connection, connectionDetail, reconnect, openChat, loadOlder, loadBackTo, send, retry, discard, deleteMessage, editMessage, react, createChat, addMembers, leaveChat, hideChat, typing, exportChat, updateMe }),
    [state, connection, connectionDetail, reconnect, openChat, loadOlder, loadBackTo, send, retry, discard, deleteMessage, editMessage, react, createChat, addMembers, leaveChat, hideChat, typing, exportChat, updateMe],
  );
  return <MessengerContext.Provider value={value}>{children}</MessengerContext.Provider>;
}
