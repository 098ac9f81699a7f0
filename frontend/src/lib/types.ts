/** Wire types, exactly as docs/api.md names them. */
export interface User {
  id: string;
  username: string;
  email?: string | null;
  avatarUrl: string | null;
  createdAt?: string;
  /** Only on one's own user: whether others may see when one is online. */
  presenceVisible?: boolean;
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

/** The quoted original of a reply, as the server keeps it (issue 18). */
export interface ReplyRef {
  id: string;
  seq: number;
  senderId: string;
  /** The first 120 characters of the original's current text; '' once it is deleted. */
  excerpt: string;
  deleted: boolean;
}

/** One emoji under a message: how many reacted with it, and who (in order of first reaction). */
export interface Reaction {
  emoji: string;
  count: number;
  userIds: string[];
}

/** A file or image sent in a message (issue 20); stored by the server, fetched with the bearer token. */
export interface Attachment {
  id: string;
  name: string;
  /** The MIME type the server detected from the bytes. */
  type: string;
  size: number;
  /** Pixels, for images; null otherwise. */
  width: number | null;
  height: number | null;
}

export interface Message {
  id: string;
  chatId: string;
  seq: number;
  senderId: string;
  text: string;
  sentAt: string;
  deleted: boolean;
  /** When the message was last edited; null (or absent) until then. */
  editedAt?: string | null;
  /** Not in the contract; used when a server echoes it back. */
  clientMessageId?: string | null;
  /** The message this one answers; absent from older payloads (read as null). */
  replyTo?: ReplyRef | null;
  /** Absent from older payloads (read as []). */
  reactions?: Reaction[];
  /** The ids of the members the text names as `@username`, in order; absent from older payloads (read as []). */
  mentions?: string[];
  /** Files and images sent with the message; absent from older payloads (read as []). */
  attachments?: Attachment[];
  /** Set on a system line the server wrote ("ann added dan"); its sender is who acted, its text empty. */
  system?: MessageSystem | null;
}

/** What a system line says: who was added (by the sender), or that the sender left. */
export interface MessageSystem {
  type: 'member.added' | 'member.left';
  userIds: string[];
  /** The usernames of who acted and whom it concerns when it was written: for people no longer known here. */
  names?: Record<string, string>;
}

/**
 * A new message as sent: the body of `POST /api/chats/{chatId}/messages`, and of the socket's
 * `send` frame (with `type` and `chatId`). The clientMessageId makes either one safe to repeat.
 */
export interface SendMessageBody {
  clientMessageId: string;
  /** Left out only for a message of attachments alone. */
  text?: string;
  replyTo?: string;
  attachmentIds?: string[];
}

export interface ChatSummary {
  chat: Chat;
  lastMessage: Message | null;
  unread: number;
  /** How many of the unread messages mention the caller; absent from older payloads (read as 0). */
  mentions?: number;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: User;
}

export type ServerEvent =
  | { type: 'ready' }
  | { type: 'message.created'; message: Message }
  | { type: 'message.updated'; message: Message }
  | { type: 'message.deleted'; chatId: string; messageId: string }
  | { type: 'chat.created'; chat: Chat }
  | { type: 'chat.updated'; chat: Chat }
  /** A direct chat hidden (or shown again) on one of the user's sessions, this one included. */
  | { type: 'chat.hidden'; chatId: string; hidden: boolean }
  | { type: 'read'; chatId: string; userId: string; seq: number }
  | { type: 'typing'; chatId: string; userId: string }
  /** Someone who shares a chat with us came online, went offline or changed their setting. */
  | { type: 'presence'; userId: string; online: boolean; lastSeenAt: string | null };

export type DeliveryStatus = 'sent' | 'sending' | 'failed';

/** A message as the client shows it: confirmed by the server, or still on its way. */
export interface LocalMessage {
  /** Server id once confirmed; null while pending. */
  id: string | null;
  clientMessageId: string | null;
  chatId: string;
  /** Server seq once confirmed; null while pending. */
  seq: number | null;
  senderId: string;
  text: string;
  sentAt: string;
  deleted: boolean;
  editedAt: string | null;
  replyTo: ReplyRef | null;
  reactions: Reaction[];
  /** Who the text mentions, by id (the server's answer; computed locally while pending). */
  mentions: string[];
  /** Already uploaded while pending (the server's objects); [] when none. */
  attachments: Attachment[];
  /** Set on a system line ("ann added dan"). */
  system?: MessageSystem | null;
  status: DeliveryStatus;
  error?: string;
}

/** A chat's history as a file: plain text or JSON. */
export type ExportFormat = 'txt' | 'json';

/**
 * 'refused': the socket keeps failing before it ever opens while the REST API answers, so the
 * server (or a proxy) is refusing live updates at this address, e.g. an origin check's 403.
 * Retrying fast would only loop; the user sees why, and a slow retry (or their Retry) continues.
 */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'refused' | 'stopped';

/**
 * What the user is told besides the status: when the next attempt to connect is due (a countdown
 * with "Retry now"), and, while 'refused', what was seen that makes it a refusal.
 */
export interface ConnectionDetail {
  /** Epoch ms of the next scheduled attempt; null while connected, connecting, or stopped. */
  retryAt: number | null;
  refusedReason: string | null;
}

/**
 * A line in a conversation that no one wrote: someone was added, someone left, the group was
 * renamed. Made by the client from `chat.updated` (the server keeps no such entries yet), so it
 * lives only as long as the page.
 */
export interface SystemLine {
  id: string;
  chatId: string;
  kind: 'added' | 'left' | 'renamed';
  text: string;
  /** When the client learned of it (ISO). */
  at: string;
  /** The last message seq of the chat at that moment: the line shows after that message. */
  afterSeq: number;
}
