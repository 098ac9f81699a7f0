import { useCallback, type Dispatch, type RefObject } from 'react';
import { errorMessage } from '../lib/api';
import type { MessengerState } from '../lib/messenger';
import type { Attachment, Message, SendMessageBody } from '../lib/types';
import { newClientMessageId } from '../lib/uuid';
import { messagesApi, sendBody } from '../features/messages/api/messagesApi';
import { mentionedIds } from '../features/messages/utils/mentions';
import { lastSeq, pendingMessage } from '../features/messages/utils/messageList';
import { replyRefOf } from '../features/messages/utils/replies';
import { NotDeliveredError } from '../features/realtime/api/realtimeClient';
import type { MessengerAction } from './messengerState';

/** Sends on the live socket; rejects with NotDeliveredError when the outcome is unknown. */
export type SendOverSocket = (chatId: string, body: SendMessageBody) => Promise<Message>;

/**
 * The socket first (it is cheaper per message), the POST when the socket cannot tell what became
 * of it. Both go under the same clientMessageId, so a message that did get through is not stored twice.
 */
async function sendOverSocketOrPost(sendOverSocket: SendOverSocket, chatId: string, body: SendMessageBody): Promise<Message> {
  try {
    return await sendOverSocket(chatId, body);
  } catch (e) {
    if (!(e instanceof NotDeliveredError)) throw e;
    return (await messagesApi.send(chatId, body)).message;
  }
}

/**
 * Sending a message: shown at once as pending (keyed by its clientMessageId), confirmed by the
 * socket's `sent` or the POST's 201, or marked failed with Retry (same id, same reply) and Discard.
 */
export function useSending(dispatch: Dispatch<MessengerAction>, stateRef: RefObject<MessengerState>, fillGap: (chatId: string) => Promise<void>, onSent: (chatId: string) => void, sendOverSocket: SendOverSocket) {
  const deliver = useCallback(async (chatId: string, text: string, clientMessageId: string, replyTo: string | null, attachments: Attachment[]) => {
    try {
      const body = sendBody(text, clientMessageId, replyTo, attachments.map((a) => a.id));
      const message = await sendOverSocketOrPost(sendOverSocket, chatId, body);
      dispatch({ type: 'message.confirmed', chatId, clientMessageId, message });
      const list = stateRef.current.messages[chatId];
      // Our own message can reveal a gap too (someone wrote while our socket was down).
      if (list && message.seq > lastSeq(list.items.filter((m) => m.id !== message.id)) + 1) void fillGap(chatId);
    } catch (e) {
      dispatch({ type: 'message.failed', chatId, clientMessageId, error: errorMessage(e) });
    }
  }, [dispatch, stateRef, fillGap, sendOverSocket]);

  /** `replyTo`: the id of a loaded message of this chat that the new one answers. */
  const send = useCallback((chatId: string, text: string, replyTo: string | null = null, attachments: Attachment[] = []) => {
    const me = stateRef.current.me;
    if (!me) return;
    const clientMessageId = newClientMessageId();
    const original = replyTo ? stateRef.current.messages[chatId]?.items.find((x) => x.id === replyTo) : undefined;
    const quote = original ? replyRefOf(original) : null;
    // Mentions show at once, as the server will count them; its answer replaces them.
    const mentions = mentionedIds(text, stateRef.current.chats[chatId]?.chat.members ?? []);
    dispatch({ type: 'message.pending', message: pendingMessage(chatId, me.id, text, clientMessageId, quote, new Date(), mentions, attachments) });
    onSent(chatId);
    void deliver(chatId, text, clientMessageId, replyTo, attachments);
  }, [dispatch, stateRef, deliver, onSent]);

  const retry = useCallback((chatId: string, clientMessageId: string) => {
    const m = stateRef.current.messages[chatId]?.items.find((x) => x.clientMessageId === clientMessageId && x.id === null);
    if (!m) return;
    dispatch({ type: 'message.pending', message: m });
    void deliver(chatId, m.text, clientMessageId, m.replyTo?.id ?? null, m.attachments);
  }, [dispatch, stateRef, deliver]);

  const discard = useCallback((chatId: string, clientMessageId: string) => {
    dispatch({ type: 'message.discarded', chatId, clientMessageId });
  }, [dispatch]);

  return { send, retry, discard };
}
