// What other features may use from messages, for the chat list's preview of the last message: a
// text with its mentions by current names, and what a system line says.
export { withCurrentNames } from './utils/mentions';
export { systemNameOf, systemText } from './utils/systemLines';
