import { useEffect, useRef, type Dispatch } from 'react';
import type { MessengerState } from '../lib/messenger';
import { chatsApi } from '../features/chats/api/chatsApi';
import { lastSeq } from '../features/messages/utils/messageList';
import type { MessengerAction } from './messengerState';

export function useMarkOpenChatRead(state: MessengerState, dispatch: Dispatch<MessengerAction>) {
  const lastReadSent = useRef(new Map<string, number>());

  // Mark the open chat read whenever new messages show in it while the page is visible.
  const openList = state.openChatId ? state.messages[state.openChatId] : undefined;
  const openLast = openList ? lastSeq(openList.items) : 0;
  useEffect(() => {
    const chatId = state.openChatId;
    if (!chatId || openLast === 0) return;
    const markRead = () => {
      if (document.visibilityState === 'hidden') return;
      if ((lastReadSent.current.get(chatId) ?? 0) >= openLast) return;
      lastReadSent.current.set(chatId, openLast);
      dispatch({ type: 'read.local', chatId });
      chatsApi.markRead(chatId, openLast).catch(() => lastReadSent.current.delete(chatId));
    };
    markRead();
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [dispatch, state.openChatId, openLast]);
}
