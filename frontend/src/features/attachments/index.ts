// What other features may use from attachments: the composer's parts (clip button, the files
// being uploaded, drag-and-drop), a message's files, and the one-line summary of a message
// without text (the chat list's preview, a notification).
export { AttachButton } from './components/AttachButton';
export { DropZone } from './components/DropZone';
export { MessageAttachments } from './components/MessageAttachments';
export { UploadTray } from './components/UploadTray';
export { useFileDrop } from './hooks/useFileDrop';
export { useUploads } from './hooks/useUploads';
export { attachmentSummary } from './utils/kinds';
