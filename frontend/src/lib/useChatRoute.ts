import { useCallback } from 'react';
import { useMatch, useNavigate } from 'react-router';

/** The address of a chat: a reload, Back/Forward and a shared link all land in it. */
export function chatPath(chatId: string): string {
  return `/chats/${encodeURIComponent(chatId)}`;
}

/** The chat named by the URL (`/chats/<id>`), and moves between places as history entries. */
export function useChatRoute() {
  const match = useMatch('/chats/:chatId');
  const navigate = useNavigate();
  const chatId = match?.params.chatId ?? null;
  // navigate() may return a promise (it settles once the route has loaded); nothing waits on it.
  const goToChat = useCallback((id: string) => void navigate(chatPath(id)), [navigate]);
  const goToChats = useCallback((opts?: { replace?: boolean }) => void navigate('/', opts), [navigate]);
  return { chatId, goToChat, goToChats };
}
