// What other features and the app may use from presence: the store, the dot on avatars, the
// "last seen" line, the profile's setting, and the component that keeps presence fetched.
export { PresenceProvider, usePresence, usePresenceUpdates } from './hooks/usePresence';
export { PresenceSync } from './components/PresenceSync';
export { PresenceDot } from './components/PresenceDot';
export { LastSeen } from './components/LastSeen';
export { PresenceToggle } from './components/PresenceToggle';
export type { Presence } from './utils/presence';
