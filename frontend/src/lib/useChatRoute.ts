import { useCallback } from 'react';
import { useLocation, useMatch, useNavigate } from 'react-router';

/** The address of a chat: a reload, Back/Forward and a shared link all land in it. */
export function chatPath(chatId: string): string {
  return `/chats/${encodeURIComponent(chatId)}`;
}

/** A message to scroll to once its chat shows (a search result); `key` tells one visit from the next. */
export interface JumpTarget {
  id: string;
  seq: number;
  key: string;
}

function readJump(state: unknown): { id: string; seq: number } | null {
  const jump = (state as { jumpTo?: unknown } | null)?.jumpTo as { id?: unknown; seq?: unknown } | undefined;
  return jump && typeof jump.id === 'string' && typeof jump.seq === 'number' ? { id: jump.id, seq: jump.seq } : null;
}

/** The chat named by the URL (`/chats/<id>`), and moves between places as history entries. */
export function useChatRoute() {
  const match = useMatch('/chats/:chatId');
  const navigate = useNavigate();
  const location = useLocation();
  const chatId = match?.params.chatId ?? null;
  const jump = readJump(location.state);
  const jumpTarget: JumpTarget | null = jump ? { ...jump, key: location.key } : null;
  // navigate() may return a promise (it settles once the route has loaded); nothing waits on it.
  const goToChat = useCallback((id: string) => void navigate(chatPath(id)), [navigate]);
  /** Opens a chat at one of its messages (the history entry carries which). */
  const goToMessage = useCallback((id: string, message: { id: string; seq: number }) => void navigate(chatPath(id), { state: { jumpTo: { id: message.id, seq: message.seq } } }), [navigate]);
  const goToChats = useCallback((opts?: { replace?: boolean }) => void navigate('/', opts), [navigate]);
  return { chatId, jumpTarget, goToChat, goToMessage, goToChats };
}
