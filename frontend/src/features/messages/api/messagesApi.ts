import { api, rawRequest } from '../../../lib/api';
import type { ExportFormat, Message, SendMessageBody } from '../../../lib/types';

const enc = encodeURIComponent;
export const PAGE_SIZE = 50;
export const GAP_PAGE_SIZE = 200;

/** `replyTo` (a message id of this chat) only when the message answers one; `attachmentIds` uploaded to this chat. */
export function sendBody(text: string, clientMessageId: string, replyTo: string | null = null, attachmentIds: string[] = []): SendMessageBody {
  return {
    // A message of attachments alone has no text at all (the API takes text OR attachments).
    ...(text || !attachmentIds.length ? { text } : {}),
    clientMessageId,
    ...(replyTo ? { replyTo } : {}),
    ...(attachmentIds.length ? { attachmentIds } : {}),
  };
}

export const messagesApi = {
  latest: (chatId: string, limit = PAGE_SIZE) =>
    api.get<Message[]>(`/api/chats/${enc(chatId)}/messages`, { query: { limit } }),
  before: (chatId: string, beforeSeq: number, limit = PAGE_SIZE) =>
    api.get<Message[]>(`/api/chats/${enc(chatId)}/messages`, { query: { beforeSeq, limit } }),
  after: (chatId: string, afterSeq: number, limit = GAP_PAGE_SIZE) =>
    api.get<Message[]>(`/api/chats/${enc(chatId)}/messages`, { query: { afterSeq, limit } }),
  /** The POST way to send; the socket's `send` frame carries the same body more cheaply. */
  send: (chatId: string, body: SendMessageBody) => api.post<{ message: Message }>(`/api/chats/${enc(chatId)}/messages`, body),
  edit: (chatId: string, messageId: string, text: string) =>
    api.patch<{ message: Message }>(`/api/chats/${enc(chatId)}/messages/${enc(messageId)}`, { text }),
  remove: (chatId: string, messageId: string) =>
    api.delete<void>(`/api/chats/${enc(chatId)}/messages/${enc(messageId)}`),
  /** Both idempotent (204); the new counts come to every member as `message.updated`. */
  addReaction: (chatId: string, messageId: string, emoji: string) =>
    api.put<void>(`/api/chats/${enc(chatId)}/messages/${enc(messageId)}/reactions/${enc(emoji)}`),
  removeReaction: (chatId: string, messageId: string, emoji: string) =>
    api.delete<void>(`/api/chats/${enc(chatId)}/messages/${enc(messageId)}/reactions/${enc(emoji)}`),
  /** Fetches the export with the bearer token and returns it with a suggested file name. */
  async exportChat(chatId: string, format: ExportFormat): Promise<{ blob: Blob; filename: string | null }> {
    const res = await rawRequest('GET', `/api/chats/${enc(chatId)}/export`, { query: { format } });
    const disposition = res.headers.get('Content-Disposition') ?? '';
    const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    return { blob: await res.blob(), filename: m ? decodeURIComponent(m[1]) : null };
  },
};
