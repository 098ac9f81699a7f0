import type { Attachment, LocalMessage, Message, ReplyRef } from '../../../lib/types';
import { keepDeletedQuote } from './replies';

/** A stable React key: the clientMessageId when we made it (so nothing re-mounts on confirm). */
export function messageKey(m: LocalMessage): string {
  return m.clientMessageId ?? m.id ?? '';
}

export function fromServer(m: Message, clientMessageId: string | null = null): LocalMessage {
  return {
    id: m.id,
    clientMessageId: clientMessageId ?? m.clientMessageId ?? null,
    chatId: m.chatId,
    seq: m.seq,
    senderId: m.senderId,
    text: m.text,
    sentAt: m.sentAt,
    deleted: m.deleted,
    editedAt: m.editedAt ?? null,
    replyTo: m.replyTo ?? null,
    reactions: m.reactions ?? [],
    mentions: m.mentions ?? [],
    attachments: m.attachments ?? [],
    system: m.system ?? null,
    status: 'sent',
  };
}

export function pendingMessage(chatId: string, senderId: string, text: string, clientMessageId: string, replyTo: ReplyRef | null = null, now = new Date(), mentions: string[] = [], attachments: Attachment[] = []): LocalMessage {
  return {
    id: null,
    clientMessageId,
    chatId,
    seq: null,
    senderId,
    text,
    sentAt: now.toISOString(),
    deleted: false,
    editedAt: null,
    replyTo,
    reactions: [],
    mentions,
    attachments,
    status: 'sending',
  };
}

/** Confirmed messages by seq, then pending ones in the order they were written. */
function sortMessages(list: LocalMessage[]): LocalMessage[] {
  const confirmed = list.filter((m) => m.seq !== null).sort((a, b) => (a.seq as number) - (b.seq as number));
  const pending = list.filter((m) => m.seq === null);
  return [...confirmed, ...pending];
}

/**
 * Merges server messages into the list: deduplicated by id, a server copy that answers one of our
 * pending messages replaces it (matched by clientMessageId, or — when the server does not echo
 * it, e.g. on a WebSocket event that races the 201 — by being ours with the same text), ordered by seq.
 */
export function mergeServerMessages(list: LocalMessage[], incoming: Message[], myId: string | null): LocalMessage[] {
  if (incoming.length === 0) return list;
  const result = [...list];
  for (const m of incoming) {
    const byId = result.findIndex((x) => x.id === m.id);
    if (byId >= 0) {
      const old = result[byId];
      // Keep the local clientMessageId (the React key); take the server's facts.
      const fresh = { ...fromServer(m, old.clientMessageId), deleted: old.deleted || m.deleted, replyTo: keepDeletedQuote(old.replyTo, m.replyTo ?? null) };
      // A page read before an edit arrived must not undo the edit.
      result[byId] = isNewer(old.editedAt, fresh.editedAt) ? { ...fresh, text: old.text, editedAt: old.editedAt, mentions: old.mentions } : fresh;
      continue;
    }
    let pendingIdx = -1;
    if (m.clientMessageId) pendingIdx = result.findIndex((x) => x.id === null && x.clientMessageId === m.clientMessageId);
    if (pendingIdx < 0 && myId && m.senderId === myId) {
      pendingIdx = result.findIndex((x) => x.id === null && x.status === 'sending' && x.text === m.text);
    }
    if (pendingIdx >= 0) {
      result[pendingIdx] = fromServer(m, result[pendingIdx].clientMessageId);
    } else {
      result.push(fromServer(m));
    }
  }
  return sortMessages(result);
}

/** The 201 for one of our messages: confirm the pending entry (or drop it if the event came first). */
export function confirmPending(list: LocalMessage[], clientMessageId: string, m: Message): LocalMessage[] {
  const pendingIdx = list.findIndex((x) => x.clientMessageId === clientMessageId);
  const byIdIdx = list.findIndex((x) => x.id === m.id);
  let result = [...list];
  if (byIdIdx >= 0 && pendingIdx >= 0 && byIdIdx !== pendingIdx) {
    // The WebSocket copy arrived first: keep one entry, under our key.
    const merged = { ...fromServer(m, clientMessageId), deleted: list[byIdIdx].deleted || m.deleted };
    result = result.filter((_, i) => i !== byIdIdx);
    const idx = result.findIndex((x) => x.clientMessageId === clientMessageId);
    result[idx] = merged;
  } else if (pendingIdx >= 0) {
    result[pendingIdx] = fromServer(m, clientMessageId);
  } else if (byIdIdx >= 0) {
    result[byIdIdx] = { ...result[byIdIdx], clientMessageId: result[byIdIdx].clientMessageId ?? clientMessageId, status: 'sent' };
  } else {
    result.push(fromServer(m, clientMessageId));
  }
  return sortMessages(result);
}

export function addPending(list: LocalMessage[], p: LocalMessage): LocalMessage[] {
  if (list.some((x) => x.clientMessageId === p.clientMessageId)) {
    return list.map((x) => (x.clientMessageId === p.clientMessageId && x.id === null ? { ...x, status: 'sending', error: undefined } : x));
  }
  return [...list, p];
}

export function markFailed(list: LocalMessage[], clientMessageId: string, error: string): LocalMessage[] {
  return list.map((x) => (x.clientMessageId === clientMessageId && x.id === null ? { ...x, status: 'failed', error } : x));
}

/** True when edit time `a` is later than `b` (null = never edited). */
function isNewer(a: string | null, b: string | null): boolean {
  return a !== null && (b === null || Date.parse(a) > Date.parse(b));
}

/** Takes an edit (`message.updated`, or the answer to our own edit) unless a later one is shown. */
export function applyEdit(list: LocalMessage[], m: Message): LocalMessage[] {
  return list.map((x) =>
    x.id === m.id && !x.deleted && !isNewer(x.editedAt, m.editedAt ?? null) ? { ...x, text: m.text, editedAt: m.editedAt ?? null, mentions: m.mentions ?? [] } : x,
  );
}

/**
 * A `message.updated` event: an edit (taken unless a later one is shown) or a change of
 * reactions. The event is the server's whole message, so its reactions replace ours, optimistic
 * ones included: the server's answer to our own call is in it or follows it.
 */
export function applyUpdate(list: LocalMessage[], m: Message): LocalMessage[] {
  return applyEdit(list, m).map((x) =>
    x.id === m.id && !x.deleted ? { ...x, reactions: m.reactions ?? [], replyTo: keepDeletedQuote(x.replyTo, m.replyTo ?? x.replyTo) } : x,
  );
}

export function markDeleted(list: LocalMessage[], messageId: string): LocalMessage[] {
  return list.map((x) => (x.id === messageId ? { ...x, deleted: true, text: '', reactions: [], mentions: [], attachments: [] } : x));
}

export function removePending(list: LocalMessage[], clientMessageId: string): LocalMessage[] {
  return list.filter((x) => !(x.id === null && x.clientMessageId === clientMessageId));
}

/** Highest confirmed seq in the list, or 0. */
export function lastSeq(list: LocalMessage[]): number {
  let max = 0;
  for (const m of list) if (m.seq !== null && m.seq > max) max = m.seq;
  return max;
}

/** Lowest confirmed seq in the list, or null when none. */
export function firstSeq(list: LocalMessage[]): number | null {
  let min: number | null = null;
  for (const m of list) if (m.seq !== null && (min === null || m.seq < min)) min = m.seq;
  return min;
}
