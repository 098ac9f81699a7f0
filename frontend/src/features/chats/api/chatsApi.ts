import { api } from '../../../lib/api';
import type { Chat, ChatSummary } from '../../../lib/types';

const enc = encodeURIComponent;

export const chatsApi = {
  list: () => api.get<ChatSummary[]>('/api/chats'),
  get: (chatId: string) => api.get<{ chat: Chat }>(`/api/chats/${enc(chatId)}`),
  create: (members: string[], name?: string) =>
    api.post<{ chat: Chat }>('/api/chats', name ? { members, name } : { members }),
  addMembers: (chatId: string, members: string[]) =>
    api.post<{ chat: Chat }>(`/api/chats/${enc(chatId)}/members`, { members }),
  leave: (chatId: string) => api.delete<void>(`/api/chats/${enc(chatId)}/members/me`),
  /** A direct chat only (a group answers 400); hidden until its next message. */
  setHidden: (chatId: string, hidden: boolean) => api.put<void>(`/api/chats/${enc(chatId)}/hidden`, { hidden }),
  markRead: (chatId: string, seq: number) => api.post<void>(`/api/chats/${enc(chatId)}/read`, { seq }),
};
