import { createContext, useContext, useMemo, useReducer, type Dispatch, type ReactNode } from 'react';
import { presenceReducer, type Presence, type PresenceAction, type PresenceMap } from '../utils/presence';

interface PresenceStore {
  presence: PresenceMap;
  dispatch: Dispatch<PresenceAction>;
}

const PresenceContext = createContext<PresenceStore | null>(null);

/** Holds what is known of everyone's presence for the screens below it. */
export function PresenceProvider({ children }: { children: ReactNode }) {
  const [presence, dispatch] = useReducer(presenceReducer, {});
  const store = useMemo(() => ({ presence, dispatch }), [presence]);
  return <PresenceContext.Provider value={store}>{children}</PresenceContext.Provider>;
}

function useStore(): PresenceStore {
  const store = useContext(PresenceContext);
  if (!store) throw new Error('presence used outside PresenceProvider');
  return store;
}

/** One person's presence, if known. */
export function usePresence(userId: string | null | undefined): Presence | undefined {
  const { presence } = useStore();
  return userId ? presence[userId] : undefined;
}

/** Feeds the store: the live connection hands `presence` frames to this. */
export function usePresenceUpdates(): Dispatch<PresenceAction> {
  return useStore().dispatch;
}
