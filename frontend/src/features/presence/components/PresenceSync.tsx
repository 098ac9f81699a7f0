import { useEffect, useMemo } from 'react';
import { useMessenger } from '../../../lib/messenger';
import { presenceApi } from '../api/presenceApi';
import { usePresenceUpdates } from '../hooks/usePresence';
import { chunks } from '../utils/presence';

/**
 * Asks for the presence of everyone in the chats we hold whenever that set of people changes
 * and after every (re)connect (frames missed while offline are not replayed); frames keep it
 * current in between. Renders nothing.
 */
export function PresenceSync() {
  const { state, connection } = useMessenger();
  const dispatch = usePresenceUpdates();
  const myId = state.me?.id ?? null;
  const people = useMemo(() => {
    const ids = new Set<string>();
    for (const { chat } of Object.values(state.chats)) for (const m of chat.members) if (m.id !== myId) ids.add(m.id);
    return [...ids].sort().join(',');
  }, [state.chats, myId]);

  useEffect(() => {
    if (!people || connection !== 'online') return;
    let cancelled = false;
    for (const ids of chunks(people.split(','))) {
      presenceApi
        .get(ids)
        .then((list) => {
          if (!cancelled) dispatch({ type: 'presence.loaded', list });
        })
        .catch(() => undefined /* a hint: the next change or reconnect asks again */);
    }
    return () => {
      cancelled = true;
    };
  }, [people, connection, dispatch]);
  return null;
}
