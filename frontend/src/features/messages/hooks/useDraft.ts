import { useCallback, useState } from 'react';
import { draftStore } from '../../../lib/drafts';

/** A chat's unsent text as it was left (switching chats or reloading), and a way to keep it. */
export function useDraft(userId: string | null, chatId: string) {
  const [initial] = useState(() => (userId ? draftStore.get(userId, chatId) : ''));
  const save = useCallback((text: string) => {
    if (userId) draftStore.set(userId, chatId, text);
  }, [userId, chatId]);
  return [initial, save] as const;
}
