import { useCallback, useRef, type Dispatch, type RefObject } from 'react';
import { ApiError } from '../lib/api';
import { chatTitle } from '../lib/chats';
import type { MessengerState } from '../lib/messenger';
import type { Chat, ExportFormat } from '../lib/types';
import { chatsApi } from '../features/chats/api/chatsApi';
import { messagesApi } from '../features/messages/api/messagesApi';
import { exportFileName } from '../features/messages/utils/exportName';
import type { MessengerAction } from './messengerState';

/** What a user does to a chat as a whole (create, add people, leave, export, edit, delete or react to a message): one request, then the state. */
export function useChatActions(dispatch: Dispatch<MessengerAction>, stateRef: RefObject<MessengerState>) {
  // One call at a time per message and emoji, so a quick add-then-remove reaches the server in order.
  const reactionCalls = useRef(new Map<string, Promise<unknown>>());

  const deleteMessage = useCallback(async (chatId: string, messageId: string) => {
    await messagesApi.remove(chatId, messageId);
    dispatch({ type: 'message.deleted', chatId, messageId });
  }, [dispatch]);

  const editMessage = useCallback(async (chatId: string, messageId: string, text: string) => {
    const { message } = await messagesApi.edit(chatId, messageId, text);
    dispatch({ type: 'message.edited', message });
  }, [dispatch]);

  /**
   * Adds or removes our reaction: shown at once, then confirmed (the server's `message.updated`
   * brings everyone's counts). A refused call takes it back and throws, for the view to show.
   */
  const react = useCallback(async (chatId: string, messageId: string, emoji: string, add: boolean) => {
    const userId = stateRef.current.me?.id;
    if (!userId) return;
    dispatch({ type: 'reaction.toggled', chatId, messageId, emoji, userId, add });
    const key = `${messageId} ${emoji}`;
    const call = (reactionCalls.current.get(key) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => (add ? messagesApi.addReaction(chatId, messageId, emoji) : messagesApi.removeReaction(chatId, messageId, emoji)));
    reactionCalls.current.set(key, call);
    try {
      await call;
    } catch (e) {
      dispatch({ type: 'reaction.toggled', chatId, messageId, emoji, userId, add: !add });
      throw e;
    } finally {
      if (reactionCalls.current.get(key) === call) reactionCalls.current.delete(key);
    }
  }, [dispatch, stateRef]);

  const createChat = useCallback(async (members: string[], name?: string) => {
    try {
      const { chat } = await chatsApi.create(members, name);
      dispatch({ type: 'chat.upserted', chat });
      return chat.id;
    } catch (e) {
      // A direct chat with that person exists already: open it instead of failing.
      const existing = e instanceof ApiError && e.status === 409 ? (e.body?.chat as Chat | undefined) : undefined;
      if (existing && existing.id) {
        dispatch({ type: 'chat.upserted', chat: existing });
        return existing.id;
      }
      throw e;
    }
  }, [dispatch]);

  const addMembers = useCallback(async (chatId: string, members: string[]) => {
    const { chat } = await chatsApi.addMembers(chatId, members);
    dispatch({ type: 'chat.upserted', chat });
  }, [dispatch]);

  const leaveChat = useCallback(async (chatId: string) => {
    await chatsApi.leave(chatId);
    dispatch({ type: 'chat.removed', chatId });
  }, [dispatch]);

  /** Hidden: out of the list at once. Shown again: the server's list says where it belongs. */
  const hideChat = useCallback(async (chatId: string, hidden: boolean) => {
    await chatsApi.setHidden(chatId, hidden);
    if (hidden) dispatch({ type: 'chat.removed', chatId });
    else dispatch({ type: 'chats.loaded', summaries: await chatsApi.list() });
  }, [dispatch]);

  const exportChat = useCallback(async (chatId: string, format: ExportFormat) => {
    const { blob } = await messagesApi.exportChat(chatId, format);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    // Named after the chat as the user sees it, not the server's chat-<uuid> name.
    const s = stateRef.current.chats[chatId];
    a.download = exportFileName(s ? chatTitle(s.chat, stateRef.current.me?.id ?? null) : 'chat', format);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }, [stateRef]);

  return { deleteMessage, editMessage, react, createChat, addMembers, leaveChat, hideChat, exportChat };
}
