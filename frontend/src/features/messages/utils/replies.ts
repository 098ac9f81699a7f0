import type { LocalMessage, Message, ReplyRef } from '../../../lib/types';

/** As long as the server's excerpt: the first 120 characters of the original. */
export const EXCERPT_LENGTH = 120;

/** The start of a text as a quote shows it; cut by code point so no emoji is split in half. */
export function excerptOf(text: string): string {
  return Array.from(text).slice(0, EXCERPT_LENGTH).join('');
}

/** The quote a reply carries before the server has answered (so the pending bubble shows it). */
export function replyRefOf(original: LocalMessage): ReplyRef | null {
  if (original.id === null || original.seq === null) return null;
  return { id: original.id, seq: original.seq, senderId: original.senderId, excerpt: excerptOf(original.text), deleted: original.deleted };
}

/**
 * The server pushes only `message.deleted` for the original, not an update of every reply:
 * each loaded reply that quotes it turns into a deleted quote here.
 */
export function markQuotesDeleted(list: LocalMessage[], messageId: string): LocalMessage[] {
  if (!list.some((x) => x.replyTo?.id === messageId && !x.replyTo.deleted)) return list;
  return list.map((x) => (x.replyTo?.id === messageId ? { ...x, replyTo: { ...x.replyTo, excerpt: '', deleted: true } } : x));
}

/** After an edit of the original, loaded replies quote its new text (as the server's excerpt will). */
export function refreshQuotes(list: LocalMessage[], original: Message): LocalMessage[] {
  // The list's copy wins: it is the newest edit we accepted (an older one may arrive late).
  const shown = list.find((x) => x.id === original.id);
  const text = shown ? shown.text : original.text;
  if (shown?.deleted || original.deleted) return list;
  const excerpt = excerptOf(text);
  if (!list.some((x) => x.replyTo?.id === original.id && !x.replyTo.deleted && x.replyTo.excerpt !== excerpt)) return list;
  return list.map((x) => (x.replyTo?.id === original.id && !x.replyTo.deleted ? { ...x, replyTo: { ...x.replyTo, excerpt } } : x));
}

/** A page read before we saw the original go must not bring its quote back. */
export function keepDeletedQuote(old: ReplyRef | null, fresh: ReplyRef | null): ReplyRef | null {
  if (old?.deleted && fresh && !fresh.deleted) return { ...fresh, excerpt: '', deleted: true };
  return fresh;
}
