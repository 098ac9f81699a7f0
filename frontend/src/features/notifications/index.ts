// What the app and other features may use from notifications: the hook that notifies of a new
// message while the tab is hidden, the permission prompt tied to the first send, and the
// profile's on/off switch.
export { useMessageNotifications } from './hooks/useMessageNotifications';
export { askPermissionOnFirstSend } from './utils/settings';
export { NotificationSetting } from './components/NotificationSetting';
