import { createContext, useContext } from 'react';
import type { Attachment, ChatSummary, ConnectionDetail, ConnectionStatus, ExportFormat, LocalMessage, Member, SystemLine, User } from './types';

// The messenger the screens work with: its state and what a user can do. app/ implements it (its
// MessengerProvider wires the feature APIs and the live connection); features only read it, so
// they depend on this contract and never on app/.

export interface ChatMessages {
  items: LocalMessage[];
  /** Whether older history may exist above the first loaded message. */
  hasMore: boolean;
  loaded: boolean;
}

export interface MessengerState {
  me: User | null;
  chats: Record<string, ChatSummary>;
  chatsLoaded: boolean;
  messages: Record<string, ChatMessages>;
  /** chatId -> userId -> time (ms) until which the user shows as typing. */
  typing: Record<string, Record<string, number>>;
  /** chatId -> userId -> last seq that user has read. */
  reads: Record<string, Record<string, number>>;
  /** Every member ever seen, so a sender who left still has a name. */
  users: Record<string, Member>;
  openChatId: string | null;
  /** chatId -> member added / left / renamed lines seen since the page loaded. */
  systemLines: Record<string, SystemLine[]>;
}

export interface Messenger {
  state: MessengerState;
  connection: ConnectionStatus;
  /** The countdown to the next attempt, and why a refusal is one. */
  connectionDetail: ConnectionDetail;
  /** Tries the live connection again now (the banner's Retry). */
  reconnect: () => void;
  openChat: (chatId: string | null) => void;
  loadOlder: (chatId: string) => Promise<void>;
  /** Loads older history until the message with this seq is held or history ends. */
  loadBackTo: (chatId: string, seq: number) => Promise<void>;
  /** `replyTo`: the id of the message this one answers; `attachments`: uploaded to this chat for it. */
  send: (chatId: string, text: string, replyTo?: string | null, attachments?: Attachment[]) => void;
  retry: (chatId: string, clientMessageId: string) => void;
  discard: (chatId: string, clientMessageId: string) => void;
  deleteMessage: (chatId: string, messageId: string) => Promise<void>;
  editMessage: (chatId: string, messageId: string, text: string) => Promise<void>;
  /** Adds (`add`) or removes our reaction; shown at once, taken back (and thrown) if refused. */
  react: (chatId: string, messageId: string, emoji: string, add: boolean) => Promise<void>;
  createChat: (members: string[], name?: string) => Promise<string>;
  addMembers: (chatId: string, members: string[]) => Promise<void>;
  leaveChat: (chatId: string) => Promise<void>;
  /** Hides a direct chat from the list until its next message (`false` shows it again). */
  hideChat: (chatId: string, hidden: boolean) => Promise<void>;
  typing: (chatId: string) => void;
  exportChat: (chatId: string, format: ExportFormat) => Promise<void>;
  updateMe: (user: User) => void;
}

export const MessengerContext = createContext<Messenger | null>(null);

export function useMessenger(): Messenger {
  const m = useContext(MessengerContext);
  if (!m) throw new Error('useMessenger outside MessengerProvider');
  return m;
}
