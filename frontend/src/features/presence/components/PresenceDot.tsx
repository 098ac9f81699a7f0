import { usePresence } from '../hooks/usePresence';
import { useNow } from '../hooks/useNow';
import { presenceLabel } from '../utils/presence';

/** A dot on a person's avatar: green while online, grey once seen; nothing when hidden or unknown. */
export function PresenceDot({ userId }: { userId: string | null | undefined }) {
  const presence = usePresence(userId);
  const label = presenceLabel(presence, useNow());
  if (!label || !presence) return null;
  return (
    <span
      className={presence.online ? 'presence-dot online' : 'presence-dot'}
      role="img"
      aria-label={label}
      title={label}
      data-testid="presence-dot"
      data-online={presence.online}
    />
  );
}
