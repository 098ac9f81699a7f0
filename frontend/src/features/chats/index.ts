// What other features may use from chats: the dialog that adds people to a group (opened from
// the open chat's menu).
export { AddMembersDialog } from './components/AddMembersDialog';
// The notice (with Undo) shown once a direct chat is hidden.
export { HiddenChatNotice } from './components/HiddenChatNotice';
