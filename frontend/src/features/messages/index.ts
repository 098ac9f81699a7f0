// What other features may use from messages: a text with its mentions by current names (the chat
// list's preview of the last message).
export { withCurrentNames } from './utils/mentions';
