import { usePresence } from '../hooks/usePresence';
import { useNow } from '../hooks/useNow';
import { presenceLabel } from '../utils/presence';

/** "online" or "last seen 5 min ago" for a direct chat's header; `fallback` when unknown or hidden. */
export function LastSeen({ userId, fallback }: { userId: string | null | undefined; fallback: string }) {
  const label = presenceLabel(usePresence(userId), useNow());
  return <span data-testid="last-seen">{label ?? fallback}</span>;
}
