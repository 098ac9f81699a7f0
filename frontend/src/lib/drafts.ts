// Unsent composer text, per user and chat, kept in localStorage so a chat switch or a reload
// does not lose what someone was writing. Keyed by user too: another account on the same
// browser never sees it. Sending clears a chat's draft; logging out clears them all.

const PREFIX = 'carrier.draft.';

const draftKey = (userId: string, chatId: string) => `${PREFIX}${userId}.${chatId}`;

export const draftStore = {
  get(userId: string, chatId: string): string {
    try {
      return localStorage.getItem(draftKey(userId, chatId)) ?? '';
    } catch {
      return '';
    }
  },
  /** An empty (or blank) draft is removed rather than kept. */
  set(userId: string, chatId: string, text: string): void {
    try {
      if (text.trim()) localStorage.setItem(draftKey(userId, chatId), text);
      else localStorage.removeItem(draftKey(userId, chatId));
    } catch {
      /* storage full or disabled: the draft lives only as long as the page */
    }
  },
  /** Every draft of every user on this browser (at logout). */
  clearAll(): void {
    try {
      const keys: string[] = [];
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k?.startsWith(PREFIX)) keys.push(k);
      }
      for (const k of keys) localStorage.removeItem(k);
    } catch {
      /* nothing stored */
    }
  },
};
