/** Wire types, exactly as docs/api.md names them. */
export interface User {
  id: string;
  username: string;
  email?: string | null;
  avatarUrl: string | null;
  createdAt?: string;
}

export interface Member {
  id: string;
  username: string;
  avatarUrl: string | null;
}

export type ChatType = 'direct' | 'group';

export interface Chat {
  id: string;
  type: ChatType;
  name: string | null;
  members: Member[];
  createdAt: string;
}

export interface Message {
  id: string;
  chatId: string;
  seq: number;
  senderId: string;
  text: string;
  sentAt: string;
  deleted: boolean;
  /** Not in the contract; used when a server echoes it back. */
  clientMessageId?: string | null;
}

export interface ChatSummary {
  chat: Chat;
  lastMessage: Message | null;
  unread: number;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: User;
}

export type ServerEvent =
  | { type: 'ready' }
  | { type: 'message.created'; message: Message }
  | { type: 'message.deleted'; chatId: string; messageId: string }
  | { type: 'chat.created'; chat: Chat }
  | { type: 'chat.updated'; chat: Chat }
  | { type: 'read'; chatId: string; userId: string; seq: number }
  | { type: 'typing'; chatId: string; userId: string };
