import type { LocalMessage, Reaction } from '../../../lib/types';

/** The picker's plain, curated set (the server takes any single emoji; these are the quick ones). */
export const QUICK_EMOJI = ['👍', '❤️', '😂', '😮', '😢', '🎉', '🙏', '👀', '🔥', '✅', '👎', '🚀'] as const;

export function hasReacted(reactions: Reaction[], emoji: string, userId: string | null): boolean {
  return userId !== null && reactions.some((r) => r.emoji === emoji && r.userIds.includes(userId));
}

/**
 * The reactions after one user adds or removes one emoji, as the server will count them: a new
 * emoji goes last (order of first reaction), an emoji nobody holds any more goes away. Adding
 * what is there already, or removing what is not, changes nothing (the calls are idempotent).
 */
export function withReaction(reactions: Reaction[], emoji: string, userId: string, add: boolean): Reaction[] {
  const i = reactions.findIndex((r) => r.emoji === emoji);
  const r = reactions[i];
  if (add) {
    if (!r) return [...reactions, { emoji, count: 1, userIds: [userId] }];
    if (r.userIds.includes(userId)) return reactions;
    return reactions.map((x, k) => (k === i ? { ...r, count: r.count + 1, userIds: [...r.userIds, userId] } : x));
  }
  if (!r || !r.userIds.includes(userId)) return reactions;
  if (r.count <= 1) return reactions.filter((_, k) => k !== i);
  return reactions.map((x, k) => (k === i ? { ...r, count: r.count - 1, userIds: r.userIds.filter((u) => u !== userId) } : x));
}

/** One user's reaction toggled on one message of the list (the optimistic step, or its undo). */
export function toggleReaction(list: LocalMessage[], messageId: string, emoji: string, userId: string, add: boolean): LocalMessage[] {
  return list.map((x) => (x.id === messageId ? { ...x, reactions: withReaction(x.reactions, emoji, userId, add) } : x));
}

/** "👍 2: ann, bob": what a chip says to a screen reader and in its tooltip. */
export function reactionLabel(r: Reaction, nameOf: (userId: string) => string): string {
  const names = r.userIds.map(nameOf);
  return names.length ? `${r.emoji} ${r.count}: ${names.join(', ')}` : `${r.emoji} ${r.count}`;
}
