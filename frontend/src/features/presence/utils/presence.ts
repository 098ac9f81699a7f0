// Presence as the web app keeps it: the latest word per person, from GET /api/users/presence and
// `presence` frames, and how it reads ("online", "last seen 5 min ago").

export interface Presence {
  userId: string;
  online: boolean;
  /** ISO instant of their last live moment; null when never seen or hidden. */
  lastSeenAt: string | null;
}

export type PresenceMap = Record<string, Presence>;

export type PresenceAction =
  | { type: 'presence.loaded'; list: Presence[] }
  | { type: 'presence.changed'; presence: Presence };

export function presenceReducer(state: PresenceMap, action: PresenceAction): PresenceMap {
  switch (action.type) {
    case 'presence.loaded': {
      if (action.list.length === 0) return state;
      const next = { ...state };
      for (const p of action.list) next[p.userId] = p;
      return next;
    }
    case 'presence.changed': {
      const old = state[action.presence.userId];
      if (old && old.online === action.presence.online && old.lastSeenAt === action.presence.lastSeenAt) return state;
      return { ...state, [action.presence.userId]: action.presence };
    }
    default:
      return state;
  }
}

/** The server takes at most this many ids per call. */
export const IDS_PER_CALL = 100;

export function chunks<T>(items: T[], size = IDS_PER_CALL): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "last seen just now", "… 5 min ago", "… 3 h ago", "… yesterday", "… on 2 Dec". */
export function formatLastSeen(lastSeenAt: string, now = new Date()): string {
  const seen = new Date(lastSeenAt);
  if (Number.isNaN(seen.getTime())) return 'offline';
  const ago = Math.max(0, now.getTime() - seen.getTime());
  if (ago < MINUTE) return 'last seen just now';
  if (ago < HOUR) return `last seen ${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `last seen ${Math.floor(ago / HOUR)} h ago`;
  if (ago < 2 * DAY) return 'last seen yesterday';
  const sameYear = seen.getFullYear() === now.getFullYear();
  return `last seen on ${seen.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: sameYear ? undefined : 'numeric' })}`;
}

/** What to show for a person: "online", "last seen …", or null (hidden, never seen, unknown). */
export function presenceLabel(presence: Presence | undefined, now = new Date()): string | null {
  if (!presence) return null;
  if (presence.online) return 'online';
  return presence.lastSeenAt ? formatLastSeen(presence.lastSeenAt, now) : null;
}
